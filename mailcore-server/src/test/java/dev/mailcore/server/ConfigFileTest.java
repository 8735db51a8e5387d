/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcore.server.internal.CommandLine;
import dev.mailcore.server.internal.ConfigError;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the config file reader tells a user about a wrong file: the file, the line and what is wrong. */
class ConfigFileTest {
    @TempDir
    Path dir;

    private String errorOf(String yaml) throws Exception {
        Path file = dir.resolve("mailcore.yaml");
        Files.writeString(file, yaml);
        return assertThatThrownBy(() -> CommandLine.parse(new String[] {"--config", file.toString()}))
                .isInstanceOf(ConfigError.class)
                .actual()
                .getMessage();
    }

    @Test
    void anUnknownTopLevelKeyIsNamedWithItsLine() throws Exception {
        assertThat(errorOf("domain: example.org\n\nlisteners:\n  imap: 127.0.0.1:0\nusrs: []\n"))
                .contains("line 5")
                .contains("\"usrs\"")
                .contains("users");
    }

    @Test
    void anUnknownListenerIsNamedWithItsLine() throws Exception {
        assertThat(errorOf("listeners:\n  imap: 127.0.0.1:0\n  pop5: 127.0.0.1:0\n"))
                .contains("line 3")
                .contains("pop5")
                .contains("imap, imaps, pop3, pop3s, smtp, submission, submissions, lmtp, http, https");
    }

    @Test
    void aBadValueIsNamedWithItsLine() throws Exception {
        assertThat(errorOf("listeners:\n  smtp: localhost\n"))
                .contains("line 2")
                .contains("HOST:PORT");
        assertThat(errorOf("search: grep\n")).contains("line 1").contains("lucene, lucene-in-memory or scan");
        assertThat(errorOf("limits:\n  idle-timeout: soon\n"))
                .contains("line 2")
                .contains("duration");
        assertThat(errorOf("store:\n  type: oracle\n")).contains("line 2").contains("memory, h2 or postgres");
    }

    @Test
    void aKeyGivenTwiceIsAnError() throws Exception {
        assertThat(errorOf("domain: a.example\ndomain: b.example\n"))
                .contains("line 2")
                .contains("domain");
    }

    @Test
    void anEmptyFileMeansTheDefaults() throws Exception {
        Path file = dir.resolve("empty.yaml");
        Files.writeString(file, "# nothing yet\n");
        assertThat(CommandLine.parse(new String[] {"--config", file.toString()}).help())
                .isFalse();
    }
}
