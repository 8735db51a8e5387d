/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile and broken clients get protocol answers, store nothing half-done, and the server keeps serving. */
class BadInputTest {
    @Test
    void binaryGarbageIsRefusedAndTheServerGoesOn() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture(b -> b.maxBadCommands(1_000))) {
            try (SmtpClient client = new SmtpClient(smtp.port())) {
                client.reply();
                byte[] garbage = new byte[4096];
                new Random(7).nextBytes(garbage);
                client.send(garbage);
                client.send("\r\nNOOP\r\n");
                // Whatever the garbage was split into, every line got an error and NOOP still works.
                String reply;
                do {
                    reply = client.reply();
                } while (reply != null && !reply.startsWith("250"));
                assertThat(reply).startsWith("250 2.0.0");
            }
            assertDeliveryWorks(smtp);
        }
    }

    @Test
    void aHundredKilobyteLineIsRefusedWithoutClosing() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture();
                SmtpClient client = new SmtpClient(smtp.port())) {
            client.reply();
            assertThat(client.command("EHLO " + "x".repeat(100 * 1024))).startsWith("500 5.5.2");
            assertThat(client.command("NOOP")).startsWith("250 2.0.0");
        }
    }

    @Test
    void aTolerantServerTakesLongerCommandLines() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture(b -> b.tolerantLineLength(true));
                SmtpClient client = new SmtpClient(smtp.port())) {
            client.reply();
            assertThat(client.command("EHLO " + "x".repeat(5_000))).startsWith("250 ");
            assertThat(client.command("EHLO " + "x".repeat(20_000))).startsWith("500 5.5.2");
        }
    }

    @Test
    void dataThatNeverEndsTimesOutAndStoresNothing() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture(b -> b.dataTimeout(Duration.ofSeconds(1)));
                SmtpClient client = new SmtpClient(smtp.port())) {
            client.reply();
            client.command("EHLO client");
            client.command("MAIL FROM:<a@example.org>");
            client.command("RCPT TO:<alice@example.com>");
            assertThat(client.command("DATA")).startsWith("354");
            client.send("Subject: endless\r\n\r\n");
            // Busy, never idle: a line every 100 ms until the server gives up.
            String reply = null;
            client.socket.setSoTimeout(100);
            for (int i = 0; i < 100 && reply == null; i++) {
                try {
                    client.send("still going\r\n");
                    reply = client.in.readLine();
                } catch (java.net.SocketTimeoutException e) {
                    // nothing yet
                } catch (java.io.IOException e) {
                    break;
                }
            }
            assertThat(reply).startsWith("421 4.4.2");
            assertThat(smtp.inbox("alice@example.com")).isEmpty();
        }
    }

    @Test
    void aConnectionDroppedMidBdatStoresNothing() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture()) {
            try (SmtpClient client = new SmtpClient(smtp.port())) {
                client.reply();
                client.command("EHLO client");
                client.command("MAIL FROM:<a@example.org>");
                client.command("RCPT TO:<alice@example.com>");
                String first = "Subject: cut\r\n\r\n" + "half a message\r\n".repeat(30_000);
                assertThat(client.command("BDAT " + first.length() + "\r\n" + first.strip()))
                        .startsWith("250 2.0.0");
                // The last chunk is announced and only half sent.
                client.send("BDAT 1000 LAST\r\n" + "x".repeat(500));
            }
            assertDeliveryWorks(smtp);
            assertThat(smtp.inbox("alice@example.com")).isEmpty();
        }
    }

    private static void assertDeliveryWorks(SmtpFixture smtp) throws Exception {
        try (SmtpClient client = new SmtpClient(smtp.port())) {
            client.reply();
            client.command("EHLO client");
            client.command("MAIL FROM:<a@example.org>");
            client.command("RCPT TO:<bob@example.com>");
            client.command("DATA");
            assertThat(client.command("Subject: whole\r\n\r\nyes\r\n.")).startsWith("250 2.0.0");
        }
        assertThat(smtp.inbox("bob@example.com")).hasSize(1);
    }
}
