/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.AppendRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Messages as stored, however their lines end, always go out as well-formed multi-line responses. */
class Pop3MessageFormatTest {
    private Pop3Fixture pop3;

    @BeforeEach
    void start() {
        pop3 = new Pop3Fixture();
    }

    @AfterEach
    void stop() {
        pop3.close();
    }

    private void store(String raw) {
        pop3.imap
                .store
                .messages()
                .append(
                        pop3.imap.alice,
                        pop3.imap.mailbox("INBOX").id(),
                        AppendRequest.of(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void bareLineFeedsGoOutAsCrlfAndAMissingLastLineEndIsAdded() throws IOException {
        store("Subject: bare\n\n.first\nsecond");
        try (Pop3LineClient client = new Pop3LineClient(pop3.port())) {
            client.login();
            assertThat(client.lines("RETR 1"))
                    .containsExactly("+OK 28 octets", "Subject: bare", "", "..first", "second");
            assertThat(client.lines("TOP 1 1"))
                    .containsExactly("+OK top of message follows", "Subject: bare", "", "..first");
            // The next command is read correctly: the response above ended where it should.
            assertThat(client.command("NOOP")).isEqualTo("+OK");
        }
    }

    @Test
    void topOfAMessageWithoutBodyIsTheWholeHeader() throws IOException {
        store("Subject: no body\r\nX-Other: value\r\n");
        try (Pop3LineClient client = new Pop3LineClient(pop3.port())) {
            client.login();
            assertThat(client.lines("TOP 1 5"))
                    .containsExactly("+OK top of message follows", "Subject: no body", "X-Other: value");
            assertThat(client.command("NOOP")).isEqualTo("+OK");
        }
    }

    @Test
    void aLineOfOnlyADotIsStuffed() throws IOException {
        store("Subject: dot\r\n\r\n.\r\n.\r\n");
        try (Pop3LineClient client = new Pop3LineClient(pop3.port())) {
            client.login();
            assertThat(client.lines("RETR 1")).containsExactly("+OK 22 octets", "Subject: dot", "", "..", "..");
            assertThat(client.command("NOOP")).isEqualTo("+OK");
        }
    }
}
