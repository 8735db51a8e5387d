/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailcore.api.MessageMeta;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RobustnessTest {
    @Test
    void twentyParallelSendersOfTenMessagesEachAreStoredExactlyOnce() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture();
                ExecutorService pool = Executors.newFixedThreadPool(20)) {
            List<Future<List<String>>> senders = new ArrayList<>();
            for (int s = 0; s < 20; s++) {
                int sender = s;
                senders.add(pool.submit(() -> {
                    List<String> replies = new ArrayList<>();
                    try (SmtpClient client = new SmtpClient(smtp.port())) {
                        client.reply();
                        client.command("EHLO sender" + sender);
                        for (int m = 0; m < 10; m++) {
                            client.command("MAIL FROM:<s" + sender + "@example.org>");
                            client.command("RCPT TO:<alice@example.com>");
                            client.command("DATA");
                            replies.add(client.command("Subject: m-" + sender + "-" + m + "\r\n\r\nbody\r\n."));
                        }
                        client.command("QUIT");
                    }
                    return replies;
                }));
            }
            for (Future<List<String>> sender : senders) {
                assertThat(sender.get()).hasSize(10).allMatch(reply -> reply.startsWith("250 2.0.0"));
            }

            List<MessageMeta> inbox = smtp.inbox("alice@example.com");
            assertThat(inbox).hasSize(200);
            assertThat(inbox.stream()
                            .map(m -> smtp.subject("alice@example.com", m))
                            .distinct())
                    .hasSize(200);
        }
    }

    @Test
    void aConnectionDroppedMidDataStoresNothing() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture()) {
            try (SmtpClient client = new SmtpClient(smtp.port())) {
                client.reply();
                client.command("EHLO client");
                client.command("MAIL FROM:<a@example.org>");
                client.command("RCPT TO:<alice@example.com>");
                assertThat(client.command("DATA")).startsWith("354");
                // Large enough to be spooled to a file, and no final dot.
                client.send("Subject: cut\r\n\r\n" + "half a message\r\n".repeat(50_000));
            }
            // A complete message after it, on another connection, shows the server went on.
            try (SmtpClient client = new SmtpClient(smtp.port())) {
                client.reply();
                client.command("EHLO client");
                client.command("MAIL FROM:<a@example.org>");
                client.command("RCPT TO:<bob@example.com>");
                client.command("DATA");
                assertThat(client.command("Subject: whole\r\n\r\nyes\r\n.")).startsWith("250 2.0.0");
            }
            assertThat(smtp.inbox("bob@example.com")).hasSize(1);
            assertThat(smtp.inbox("alice@example.com")).isEmpty();
        }
    }

    @Test
    void anIdleClientGets421AndIsDisconnected() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture(b -> b.idleTimeout(Duration.ofSeconds(1)));
                SmtpClient client = new SmtpClient(smtp.port())) {
            assertThat(client.reply()).startsWith("220 ");
            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(client.reply()).startsWith("421 4.4.2"));
            assertThat(client.in.readLine()).isNull();
        }
    }

    @Test
    void aRefusedDataLeavesPipelinedCommandsToBeReadAsCommands() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture();
                SmtpClient client = new SmtpClient(smtp.port())) {
            client.reply();
            client.command("EHLO client");
            client.send("MAIL FROM:<a@example.org>\r\nRCPT TO:<nobody@example.com>\r\nDATA\r\nNOOP\r\n");
            assertThat(client.reply()).startsWith("250 2.1.0");
            assertThat(client.reply()).startsWith("550 5.1.1");
            assertThat(client.reply()).startsWith("503 5.5.1");
            assertThat(client.reply()).startsWith("250 2.0.0");
        }
    }
}
