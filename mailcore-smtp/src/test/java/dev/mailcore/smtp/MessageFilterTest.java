/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailcore.net.ScriptRunner;
import dev.mailcore.store.memory.MemoryOutboundQueue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class MessageFilterTest {
    @Test
    void filtersSeeTheEnvelopeAndMessageAndDecidePerRecipient() throws Exception {
        List<Envelope> seenBySecond = new CopyOnWriteArrayList<>();
        MessageFilter spam = (envelope, message) -> {
            try {
                String text = new String(message.readAllBytes(), StandardCharsets.UTF_8);
                return text.startsWith("Subject: spam") ? Verdict.reject("No spam here") : Verdict.accept();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        MessageFilter busy = (envelope, message) -> {
            seenBySecond.add(envelope);
            return Verdict.perRecipient(Map.of("bob@example.com", Verdict.tempFail("Bob is busy")));
        };
        try (SmtpFixture smtp =
                new SmtpFixture(b -> b.mode(SmtpMode.LMTP).filter(spam).filter(busy))) {
            ScriptRunner.run("filter.txt", smtp.port());

            assertThat(smtp.inbox("alice@example.com")).hasSize(1);
            assertThat(smtp.inbox("bob@example.com")).isEmpty();
            assertThat(seenBySecond).singleElement().satisfies(envelope -> {
                assertThat(envelope.sender()).isEqualTo("a@example.org");
                assertThat(envelope.recipients()).containsExactly("alice@example.com", "bob@example.com");
                assertThat(envelope.helo()).isEqualTo("client.example.org");
                assertThat(envelope.authenticatedLogin()).isEmpty();
            });
        }
    }

    @Test
    void aRewriteIsWhatLaterFiltersSeeAndWhatIsStoredAndQueued() throws Exception {
        List<String> seenBySecond = new CopyOnWriteArrayList<>();
        MessageFilter tag = (envelope, message) ->
                Verdict.rewrite(("X-Scanned: clean\r\n" + text(message)).getBytes(StandardCharsets.UTF_8));
        MessageFilter look = (envelope, message) -> {
            seenBySecond.add(text(message));
            return Verdict.accept();
        };
        MemoryOutboundQueue queue = new MemoryOutboundQueue();
        try (SmtpFixture smtp = new SmtpFixture(b -> b.mode(SmtpMode.SUBMISSION)
                        .outboundQueue(queue)
                        .filter(tag)
                        .filter(look));
                SmtpClient client = new SmtpClient(smtp.port())) {
            client.reply();
            client.command("EHLO client.example.org");
            assertThat(client.command("AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHNlY3JldA=="))
                    .startsWith("235 ");
            client.command("MAIL FROM:<alice@example.com>");
            client.command("RCPT TO:<bob@example.com>");
            client.command("RCPT TO:<friend@elsewhere.org>");
            client.command("DATA");
            assertThat(client.command("Subject: rewritten\r\n\r\nbody\r\n.")).startsWith("250 ");

            String original = "Subject: rewritten\r\n\r\nbody\r\n";
            assertThat(seenBySecond).containsExactly("X-Scanned: clean\r\n" + original);
            String stored = new String(
                    smtp.raw("bob@example.com", smtp.inbox("bob@example.com").getFirst()), StandardCharsets.UTF_8);
            assertThat(stored).startsWith("Return-Path: ").endsWith("\r\nX-Scanned: clean\r\n" + original);
            try (InputStream in = queue.open(queue.list(1).getFirst().id())) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .startsWith("Received: ")
                        .endsWith("\r\nX-Scanned: clean\r\n" + original);
            }
        }
    }

    @Test
    void aListenerSeesConnectionsLoginsRefusalsAndMessagesAndCannotBreakTheSession() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        SmtpListener recorder = new SmtpListener() {
            @Override
            public void connected(InetSocketAddress client) {
                events.add("connected " + client.getAddress().getHostAddress());
            }

            @Override
            public void authenticated(InetSocketAddress client, String login) {
                events.add("authenticated " + login);
            }

            @Override
            public void authenticationFailed(InetSocketAddress client) {
                events.add("authentication failed");
            }

            @Override
            public void recipientRefused(InetSocketAddress client, RecipientResult result) {
                events.add("refused " + result.address() + " " + result.code() + " " + result.enhancedCode());
            }

            @Override
            public void messageReceived(Envelope envelope, long octets, List<RecipientResult> results) {
                events.add("message from " + envelope.sender() + " " + octets + " octets "
                        + results.stream()
                                .map(r -> r.address() + "=" + r.code() + (r.accepted() ? "" : " " + r.enhancedCode()))
                                .toList());
            }

            @Override
            public void disconnected(InetSocketAddress client) {
                events.add("disconnected");
            }
        };
        SmtpListener broken = new SmtpListener() {
            @Override
            public void messageReceived(Envelope envelope, long octets, List<RecipientResult> results) {
                throw new IllegalStateException("a listener bug");
            }
        };
        try (SmtpFixture smtp =
                new SmtpFixture(b -> b.mode(SmtpMode.LMTP).listener(broken).listener(recorder))) {
            try (SmtpClient client = new SmtpClient(smtp.port())) {
                client.reply();
                client.command("LHLO client.example.org");
                client.command("MAIL FROM:<a@example.org>");
                client.command("RCPT TO:<alice@example.com>");
                client.command("RCPT TO:<nobody@example.com>");
                client.command("RCPT TO:<carol@example.com>");
                client.command("DATA");
                assertThat(client.command("Subject: hi\r\n\r\nhello\r\n.")).startsWith("250 ");
                assertThat(client.reply()).startsWith("552 5.2.2");
                assertThat(client.command("NOOP")).startsWith("250 ");
                client.command("QUIT");
            }
            await().until(() -> events.contains("disconnected"));
        }
        try (SmtpFixture smtp = new SmtpFixture(b -> b.mode(SmtpMode.SUBMISSION).listener(recorder));
                SmtpClient client = new SmtpClient(smtp.port())) {
            client.reply();
            client.command("EHLO client.example.org");
            assertThat(client.command("AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHdyb25n"))
                    .startsWith("535 ");
            assertThat(client.command("AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHNlY3JldA=="))
                    .startsWith("235 ");
        }
        // The events after a reply may come a moment after the client read it.
        await().untilAsserted(() -> assertThat(events)
                .startsWith(
                        "connected 127.0.0.1",
                        "refused nobody@example.com 550 5.1.1",
                        "message from a@example.org 22 octets [alice@example.com=250, carol@example.com=552 5.2.2]",
                        "disconnected",
                        "connected 127.0.0.1",
                        "authentication failed",
                        "authenticated alice@example.com"));
    }

    private static String text(InputStream message) {
        try {
            return new String(message.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
