/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.DsnNotify;
import dev.mailcore.api.DsnReturn;
import dev.mailcore.api.OutboundRecipient;
import dev.mailcore.api.QueuedMessage;
import dev.mailcore.store.memory.MemoryOutboundQueue;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Relaying through the outbound queue, and capture mode. */
class RelayAndCaptureTest {
    private static final String ALICE_PLAIN =
            Base64.getEncoder().encodeToString("\0alice@example.com\0secret".getBytes(StandardCharsets.UTF_8));

    @Test
    void authenticatedMailForOtherDomainsIsQueuedWithItsDsnParameters() throws Exception {
        MemoryOutboundQueue queue = new MemoryOutboundQueue();
        try (SmtpFixture smtp = new SmtpFixture(b -> b.mode(SmtpMode.SUBMISSION).outboundQueue(queue));
                SmtpClient client = new SmtpClient(smtp.port())) {
            client.reply();
            client.command("EHLO client.example.org");
            assertThat(client.command("AUTH PLAIN " + ALICE_PLAIN)).startsWith("235");
            assertThat(client.command("MAIL FROM:<alice@example.com> RET=HDRS ENVID=id+2B1"))
                    .startsWith("250");
            assertThat(client.command(
                            "RCPT TO:<friend@elsewhere.org> NOTIFY=FAILURE,DELAY ORCPT=rfc822;friend@elsewhere.org"))
                    .startsWith("250 2.1.5");
            assertThat(client.command("RCPT TO:<bob@example.com>")).startsWith("250 2.1.5");
            client.command("DATA");
            assertThat(client.command("Subject: out\r\n\r\nhello\r\n.")).startsWith("250 2.0.0");

            QueuedMessage queued = queue.list(10).getFirst();
            assertThat(queue.list(10)).hasSize(1);
            assertThat(queued.envelope().sender()).isEqualTo("alice@example.com");
            assertThat(queued.envelope().ret()).contains(DsnReturn.HDRS);
            assertThat(queued.envelope().envelopeId()).contains("id+1");
            assertThat(queued.envelope().recipients())
                    .containsExactly(new OutboundRecipient(
                            "friend@elsewhere.org",
                            Set.of(DsnNotify.FAILURE, DsnNotify.DELAY),
                            Optional.of("rfc822;friend@elsewhere.org")));
            String raw;
            try (InputStream in = queue.open(queued.id())) {
                raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            // Relayed mail carries the Received field, not the fields of final delivery.
            assertThat(raw).startsWith("Received: from client.example.org").endsWith("\r\n\r\nhello\r\n");
            assertThat(raw).doesNotContain("Return-Path:").doesNotContain("Delivered-To:");
            assertThat(smtp.inbox("bob@example.com")).hasSize(1);
        }
    }

    @Test
    void unauthenticatedRelayIsRefusedEvenWithAQueue() throws Exception {
        MemoryOutboundQueue queue = new MemoryOutboundQueue();
        try (SmtpFixture smtp = new SmtpFixture(b -> b.outboundQueue(queue));
                SmtpClient client = new SmtpClient(smtp.port())) {
            client.reply();
            client.command("EHLO client.example.org");
            client.command("MAIL FROM:<someone@example.org>");
            assertThat(client.command("RCPT TO:<friend@elsewhere.org>")).isEqualTo("550 5.7.1 Relaying denied");
            assertThat(queue.list(10)).isEmpty();
        }
    }

    @Test
    void captureModeKeepsEveryMessageAndStillDeliversLocally() throws Exception {
        MailCapture capture = new MailCapture();
        try (SmtpFixture smtp = new SmtpFixture(b -> b.mode(SmtpMode.SUBMISSION).capture(capture));
                SmtpClient client = new SmtpClient(smtp.port())) {
            client.reply();
            client.command("EHLO client.example.org");
            // No AUTH, any domain, unknown local users too.
            assertThat(client.command("MAIL FROM:<app@example.org>")).startsWith("250");
            assertThat(client.command("RCPT TO:<customer@anywhere.test>")).startsWith("250 2.1.5");
            assertThat(client.command("RCPT TO:<nobody@example.com>")).startsWith("250 2.1.5");
            assertThat(client.command("RCPT TO:<alice@example.com>")).startsWith("250 2.1.5");
            client.command("DATA");
            assertThat(client.command("Subject: captured\r\n\r\nhi\r\n.")).startsWith("250 2.0.0");

            assertThat(capture.await(1, Duration.ofSeconds(5))).isTrue();
            CapturedMessage message = capture.messages().getFirst();
            assertThat(message.envelope().sender()).isEqualTo("app@example.org");
            assertThat(message.envelope().recipients())
                    .containsExactly("customer@anywhere.test", "nobody@example.com", "alice@example.com");
            assertThat(new String(message.content(), StandardCharsets.US_ASCII))
                    .isEqualTo("Subject: captured\r\n\r\nhi\r\n");
            assertThat(smtp.inbox("alice@example.com")).hasSize(1);
            assertThat(capture.await(2, Duration.ofMillis(200))).isFalse();
        }
    }

    @Test
    void awaitReturnsWhenMessagesArriveLater() throws Exception {
        MailCapture capture = new MailCapture();
        try (SmtpFixture smtp = new SmtpFixture(b -> b.capture(capture))) {
            Thread sender = Thread.ofVirtual().start(() -> {
                try (SmtpClient client = new SmtpClient(smtp.port())) {
                    client.reply();
                    client.command("HELO client");
                    for (int i = 0; i < 3; i++) {
                        client.command("MAIL FROM:<app@example.org>");
                        client.command("RCPT TO:<user" + i + "@anywhere.test>");
                        client.command("DATA");
                        client.command("Subject: " + i + "\r\n\r\nx\r\n.");
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(capture.await(3, Duration.ofSeconds(10))).isTrue();
            sender.join();
            assertThat(capture.messages())
                    .extracting(m -> m.envelope().recipients())
                    .containsExactly(
                            List.of("user0@anywhere.test"),
                            List.of("user1@anywhere.test"),
                            List.of("user2@anywhere.test"));
            capture.clear();
            assertThat(capture.messages()).isEmpty();
        }
    }
}
