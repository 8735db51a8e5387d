/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap;

import dev.mailcore.net.ScriptRunner;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs every protocol script in {@code src/test/resources/scripts} against a fresh server. */
class ProtocolScriptTest {
    private ImapFixture imap;

    @BeforeEach
    void start() {
        imap = new ImapFixture();
    }

    @AfterEach
    void stop() {
        imap.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "greeting-capability.txt",
                "login.txt",
                "authenticate.txt",
                "errors.txt",
                "mailboxes.txt",
                "append-fetch.txt",
                "store-search.txt",
                "copy-move-expunge.txt",
                "esearch.txt",
                "list-extended.txt",
                "binary.txt",
                "imap4rev2.txt",
                "sort.txt",
                "within-preview-savedate.txt",
                "multiappend.txt",
                "quota-unauthenticate.txt",
                "rename-inbox.txt",
            })
    void script(String name) throws IOException {
        ScriptRunner.run(name, imap.port());
    }
}
