/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcore.net.SelfSignedCertificate;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POP3 and POP3S listeners, read by Angus Mail's POP3 client. */
class Pop3Test {
    private static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.generate();

    @TempDir
    Path dir;

    @Test
    void pop3ReadsMailDeliveredOverSmtp() throws Exception {
        try (MailServer server = MailServer.builder()
                .user("alice", "pw")
                .smtp("127.0.0.1", 0)
                .pop3("127.0.0.1", 0)
                .build()
                .start()) {
            MailClient.send("127.0.0.1", server.boundAddress(Protocol.SMTP).getPort(), "alice@localhost", "Over POP3");
            Store store = Session.getInstance(properties("pop3")).getStore("pop3");
            store.connect("127.0.0.1", server.boundAddress(Protocol.POP3).getPort(), "alice", "pw");
            try {
                assertThat(subjects(store)).containsExactly("Over POP3");
            } finally {
                store.close();
            }
        }
    }

    @Test
    void pop3OffersStlsWhenTheServerHasTlsMaterial() throws Exception {
        try (MailServer server = MailServer.builder()
                .user("bob", "pw")
                .tlsPkcs12(keyStore(), "mailcore")
                .allowPlaintextAuth(false)
                .pop3("127.0.0.1", 0)
                .build()
                .start()) {
            int port = server.boundAddress(Protocol.POP3).getPort();
            Store plain = Session.getInstance(properties("pop3")).getStore("pop3");
            // Passwords stay off the unencrypted connection until STLS.
            assertThatThrownBy(() -> plain.connect("127.0.0.1", port, "bob", "pw"))
                    .isInstanceOf(AuthenticationFailedException.class);

            Properties tls = properties("pop3");
            tls.put("mail.pop3.starttls.enable", "true");
            tls.put("mail.pop3.starttls.required", "true");
            Store store = Session.getInstance(tls).getStore("pop3");
            store.connect("127.0.0.1", port, "bob", "pw");
            try {
                assertThat(subjects(store)).isEmpty();
            } finally {
                store.close();
            }
        }
    }

    @Test
    void pop3sServesWithTlsFromTheFirstByteAndSharesTheAccountLockWithPop3() throws Exception {
        try (MailServer server = MailServer.builder()
                .user("carol", "pw")
                .tlsPkcs12(keyStore(), "mailcore")
                .smtp("127.0.0.1", 0)
                .pop3("127.0.0.1", 0)
                .pop3s("127.0.0.1", 0)
                .build()
                .start()) {
            MailClient.send("127.0.0.1", server.boundAddress(Protocol.SMTP).getPort(), "carol@localhost", "Over TLS");
            Store secure = Session.getInstance(properties("pop3s")).getStore("pop3s");
            secure.connect("127.0.0.1", server.boundAddress(Protocol.POP3S).getPort(), "carol", "pw");
            try {
                Folder inbox = secure.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                assertThat(inbox.getMessage(1).getSubject()).isEqualTo("Over TLS");

                // The maildrop is locked by the POP3S session, so the POP3 listener refuses the login.
                Store plain = Session.getInstance(properties("pop3")).getStore("pop3");
                assertThatThrownBy(() -> plain.connect(
                                "127.0.0.1", server.boundAddress(Protocol.POP3).getPort(), "carol", "pw"))
                        .isInstanceOf(AuthenticationFailedException.class)
                        .hasMessageContaining("IN-USE");
                inbox.close(false);
            } finally {
                secure.close();
            }
        }
    }

    @Test
    void theLaunchersPop3AndPop3sFlagsOpenBothListeners() throws Exception {
        Files.writeString(dir.resolve("mailcore.yaml"), """
                tls:
                  keystore: server.p12
                  keystore-password: mailcore
                """);
        keyStore();
        try (LauncherProcess launcher = LauncherProcess.start(
                dir,
                "--config",
                dir.resolve("mailcore.yaml").toString(),
                "--store",
                "memory",
                "--smtp",
                "127.0.0.1:0",
                "--pop3",
                "127.0.0.1:0",
                "--pop3s",
                "127.0.0.1:0",
                "--user",
                "dave:pw")) {
            String ready = launcher.awaitLine("mailcore ready");
            assertThat(ready).matches("mailcore ready pop3=127\\.0\\.0\\.1:\\d+ pop3s=127\\.0\\.0\\.1:\\d+ smtp=.*");
            Map<String, Integer> ports = LauncherProcess.ports(ready);
            MailClient.send("127.0.0.1", ports.get("smtp"), "dave@localhost", "Through the launcher");

            assertThat(MailClient.pop3Subjects("127.0.0.1", ports.get("pop3"), "dave", "pw"))
                    .containsExactly("Through the launcher");
            Store secure = Session.getInstance(properties("pop3s")).getStore("pop3s");
            secure.connect("127.0.0.1", ports.get("pop3s"), "dave", "pw");
            try {
                Folder inbox = secure.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                assertThat(inbox.getMessage(1).getSubject()).isEqualTo("Through the launcher");
                inbox.close(false);
            } finally {
                secure.close();
            }
            launcher.terminate();
            assertThat(launcher.awaitExit()).isEqualTo(143);
        }
    }

    private Path keyStore() throws Exception {
        Path keyStore = dir.resolve("server.p12");
        if (!Files.exists(keyStore)) {
            try (OutputStream out = Files.newOutputStream(keyStore)) {
                CERTIFICATE.keyStore().store(out, "mailcore".toCharArray());
            }
        }
        return keyStore;
    }

    private static Properties properties(String protocol) {
        Properties properties = new Properties();
        properties.put(
                "mail." + protocol + ".ssl.socketFactory",
                CERTIFICATE.clientContext().getSocketFactory());
        properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "10000");
        return properties;
    }

    private static List<String> subjects(Store store) throws Exception {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        try {
            List<String> subjects = new ArrayList<>();
            for (Message m : inbox.getMessages()) {
                subjects.add(m.getSubject());
            }
            return subjects;
        } finally {
            inbox.close(false);
        }
    }
}
