/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailcore.imap.ImapServer;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RobustnessTest {
    @Test
    void fiftyParallelSendersOfTwentyMessagesEachAreStoredExactlyOnceAndReadableOverImap() throws Exception {
        int senders = 50;
        int messages = 20;
        try (SmtpFixture smtp = new SmtpFixture();
                ExecutorService pool = Executors.newFixedThreadPool(senders)) {
            List<Future<List<String>>> running = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                int sender = s;
                running.add(pool.submit(() -> send(smtp.port(), sender, messages)));
            }
            Set<String> acknowledged = new HashSet<>();
            for (Future<List<String>> sender : running) {
                acknowledged.addAll(sender.get());
            }
            assertThat(acknowledged).hasSize(senders * messages);

            List<String> overImap = subjectsOverImap(smtp);
            assertThat(overImap).hasSize(senders * messages).containsExactlyInAnyOrderElementsOf(acknowledged);
        }
    }

    /** Sends {@code count} messages on one connection, every other one with BDAT; returns the subjects acknowledged. */
    private static List<String> send(int port, int sender, int count) throws IOException {
        List<String> acknowledged = new ArrayList<>();
        try (SmtpClient client = new SmtpClient(port)) {
            client.reply();
            client.command("EHLO sender" + sender);
            for (int m = 0; m < count; m++) {
                String subject = "m-" + sender + "-" + m;
                client.command("MAIL FROM:<s" + sender + "@example.org>");
                client.command("RCPT TO:<alice@example.com>");
                String message = "Subject: " + subject + "\r\n\r\nbody\r\n";
                String reply;
                if (m % 2 == 0) {
                    client.command("DATA");
                    reply = client.command(message + ".");
                } else {
                    reply = client.command("BDAT " + message.length() + " LAST\r\n" + message.strip());
                }
                if (reply.startsWith("250 ")) {
                    acknowledged.add(subject);
                }
            }
            client.command("QUIT");
        }
        return acknowledged;
    }

    private static List<String> subjectsOverImap(SmtpFixture smtp) throws Exception {
        try (ImapServer imap = ImapServer.builder()
                .store(smtp.store)
                .directory(smtp.directory)
                .port(0)
                .build()) {
            imap.start();
            Properties properties = new Properties();
            properties.put("mail.imap.timeout", "30000");
            Store store = Session.getInstance(properties).getStore("imap");
            store.connect("127.0.0.1", imap.port(), "alice@example.com", SmtpFixture.PASSWORD);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                Message[] all = inbox.getMessages();
                FetchProfile profile = new FetchProfile();
                profile.add(FetchProfile.Item.ENVELOPE);
                inbox.fetch(all, profile);
                List<String> subjects = new ArrayList<>();
                for (Message message : all) {
                    subjects.add(message.getSubject());
                }
                inbox.close(false);
                return subjects;
            } finally {
                store.close();
            }
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
