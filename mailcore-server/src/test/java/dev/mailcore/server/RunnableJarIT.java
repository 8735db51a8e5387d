/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code mailcore-server.jar}, run with {@code java -jar} as the README says: what the jar carries must be
 * enough to take mail over SMTP and serve it over IMAP and POP3 (tests on the class path cannot see a dependency the
 * jar left out).
 */
class RunnableJarIT {
    private static final Path JAR = Path.of("target", "mailcore-server.jar");

    @TempDir
    Path dir;

    @Test
    void theJarDeliversOverSmtpAndServesOverImapAndPop3() throws Exception {
        assertThat(JAR).exists();
        try (LauncherProcess server = LauncherProcess.startJar(
                JAR,
                dir,
                "--data-dir",
                dir.resolve("data").toString(),
                "--imap",
                "127.0.0.1:0",
                "--pop3",
                "127.0.0.1:0",
                "--smtp",
                "127.0.0.1:0",
                "--user",
                "alice:pw")) {
            Map<String, Integer> ports = LauncherProcess.ports(server.awaitLine("mailcore ready"));

            MailClient.send("127.0.0.1", ports.get("smtp"), "alice@localhost", "Through the jar");

            assertThat(MailClient.inboxSubjects("127.0.0.1", ports.get("imap"), "alice", "pw"))
                    .containsExactly("Through the jar");
            assertThat(MailClient.pop3Subjects("127.0.0.1", ports.get("pop3"), "alice", "pw"))
                    .containsExactly("Through the jar");
            server.terminate();
            assertThat(server.awaitExit()).isEqualTo(143);
            // A clean start prints nothing on stderr: no stack traces, no library notices.
            assertThat(server.stderr()).isEmpty();
        }
    }
}
