/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.examples.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcore.server.LauncherProcess;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the launcher with this example's {@code mailcore.yaml}, as its comment says, with every listener moved to a
 * free loopback port and the data directory to a temporary one: the file must be valid as shipped, and the server it
 * describes must take mail over SMTP and submission and serve it over IMAPS and POP3S, passwords only over TLS.
 */
class StandaloneConfigTest {
    private static final Path CONFIG = Path.of("mailcore.yaml").toAbsolutePath();
    private static final List<String> LISTENERS =
            List.of("smtp", "submission", "submissions", "imaps", "pop3s", "https");

    @TempDir
    Path dir;

    @Test
    void theShippedConfigServesMailOverTlsOnly() throws Exception {
        assertThat(CONFIG).exists();
        List<String> args = new java.util.ArrayList<>(List.of(
                "--config", CONFIG.toString(), "--data-dir", dir.resolve("data").toString()));
        for (String listener : LISTENERS) {
            args.add("--" + listener);
            args.add("127.0.0.1:0");
        }
        try (LauncherProcess launcher = LauncherProcess.start(dir, args.toArray(String[]::new))) {
            Map<String, Integer> ports = LauncherProcess.ports(launcher.awaitLine("mailcore ready"));
            assertThat(ports).containsOnlyKeys(LISTENERS);

            // Another server hands mail for a local user to port 25 without logging in.
            send(smtp(ports.get("smtp"), false), null, null, "alice@example.com", "From the internet");
            // Alice's own client submits after STARTTLS and AUTH, with the bare login the domain allows.
            send(smtp(ports.get("submission"), true), "alice", "change-me-too", "postmaster@example.com", "Submitted");

            assertThat(inbox(store("imaps", ports.get("imaps")), "alice@example.com", "change-me-too"))
                    .containsExactly("From the internet");
            assertThat(inbox(store("pop3s", ports.get("pop3s")), "postmaster", "change-me-at-once"))
                    .containsExactly("Submitted");
            assertThatThrownBy(() -> inbox(store("imaps", ports.get("imaps")), "alice", "wrong"))
                    .isInstanceOf(AuthenticationFailedException.class);

            launcher.terminate();
            assertThat(launcher.awaitExit()).isEqualTo(143);
        }
        assertThat(Files.list(dir.resolve("data")).map(p -> p.getFileName().toString()))
                .contains("metadata.mv.db", "index");
    }

    private static Session smtp(int port, boolean submission) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(port));
        p.setProperty("mail.smtp.localhost", "localhost");
        p.setProperty("mail.smtp.starttls.enable", "true");
        p.setProperty("mail.smtp.starttls.required", Boolean.toString(submission));
        p.setProperty("mail.smtp.auth", Boolean.toString(submission));
        // The example's certificate is self-signed; a real deployment configures its own and clients check it.
        p.setProperty("mail.smtp.ssl.trust", "127.0.0.1");
        return Session.getInstance(p);
    }

    private static void send(Session session, String user, String password, String to, String subject)
            throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("sender@example.org"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText("Hello\r\n");
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(user, password);
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    private static Store store(String scheme, int port) throws MessagingException {
        Properties p = new Properties();
        p.setProperty("mail." + scheme + ".host", "127.0.0.1");
        p.setProperty("mail." + scheme + ".port", Integer.toString(port));
        p.setProperty("mail." + scheme + ".ssl.trust", "127.0.0.1");
        return Session.getInstance(p).getStore(scheme);
    }

    private static List<String> inbox(Store store, String user, String password) throws MessagingException {
        try (store) {
            store.connect(user, password);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> subjects = new java.util.ArrayList<>();
            for (Message message : inbox.getMessages()) {
                subjects.add(message.getSubject());
            }
            inbox.close(false);
            return subjects;
        }
    }
}
