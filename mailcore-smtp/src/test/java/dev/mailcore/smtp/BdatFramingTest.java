/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** BDAT chunks are framed by their exact size: answered when their last octet arrives, dropped when too big. */
class BdatFramingTest {
    @Test
    void aChunkEndingInTheMiddleOfALineIsAnsweredWithoutFurtherInput() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture();
                SmtpClient client = new SmtpClient(smtp.port())) {
            client.socket.setSoTimeout(5_000);
            client.reply();
            client.command("EHLO client.example.org");
            client.command("MAIL FROM:<someone@example.org>");
            client.command("RCPT TO:<alice@example.com>");
            client.send("BDAT 5\r\nab\r\nc");
            assertThat(client.reply()).startsWith("250 2.0.0");
            assertThat(client.command("BDAT 21 LAST\r\nd\r\nSubject: chunked")).startsWith("250 2.0.0");

            String message = new String(
                    smtp.raw(
                            "alice@example.com", smtp.inbox("alice@example.com").getFirst()),
                    StandardCharsets.UTF_8);
            assertThat(message).endsWith("\r\nab\r\ncd\r\nSubject: chunked\r\n");
        }
    }

    @Test
    void aChunkLargerThanTheLimitIsRefusedAndTheSessionGoesOn() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture(b -> b.maxMessageSize(1_000));
                SmtpClient client = new SmtpClient(smtp.port())) {
            client.reply();
            client.command("EHLO client.example.org");
            client.command("MAIL FROM:<someone@example.org>");
            client.command("RCPT TO:<alice@example.com>");
            String chunk = "x".repeat(99) + "\n";
            client.send("BDAT 100000\r\n" + chunk.repeat(1_000));
            assertThat(client.reply()).startsWith("552 5.3.4");
            assertThat(client.command("RSET")).startsWith("250 ");
            assertThat(client.command("MAIL FROM:<someone@example.org>")).startsWith("250 ");
            assertThat(client.command("RCPT TO:<alice@example.com>")).startsWith("250 ");
            assertThat(client.command("BDAT 22 LAST\r\nSubject: small\r\n\r\nok"))
                    .startsWith("250 2.0.0");
            assertThat(smtp.inbox("alice@example.com")).hasSize(1);
        }
    }

    @Test
    void aChunkBeforeMailIsReadAndRefused() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture();
                SmtpClient client = new SmtpClient(smtp.port())) {
            client.reply();
            client.command("EHLO client.example.org");
            client.send("BDAT 10\r\nRSET\r\nQUIT");
            assertThat(client.reply()).startsWith("503 5.5.1");
            assertThat(client.command("NOOP")).startsWith("250 ");
        }
    }
}
