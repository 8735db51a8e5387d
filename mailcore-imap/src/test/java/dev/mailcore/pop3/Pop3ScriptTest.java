/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.pop3;

import dev.mailcore.net.ScriptRunner;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs every POP3 protocol script in {@code src/test/resources/scripts/pop3} against a fresh server whose INBOX
 * holds two messages: 28 and 46 octets, the second with a body line that starts with a dot.
 */
class Pop3ScriptTest {
    private Pop3Fixture pop3;

    @BeforeEach
    void start() {
        pop3 = new Pop3Fixture();
        pop3.deliver("Subject: one\n\nfirst body\n");
        pop3.deliver("Subject: two\n\n.dotted line\nline 2\nline 3\n");
    }

    @AfterEach
    void stop() {
        pop3.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "greeting-capa.txt",
                "user-pass.txt",
                "auth.txt",
                "auth-challenge.txt",
                "transaction.txt",
                "errors.txt",
                "pipelining.txt",
                "bad-commands.txt",
            })
    void script(String name) throws IOException {
        ScriptRunner.run("pop3/" + name, pop3.port());
    }
}
