/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.net.SelfSignedCertificate;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS listeners with the certificate given as PEM files, as a PKCS#12 key store, or generated. */
class TlsTest {
    private static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.generate();
    private static final char[] STORE_PASSWORD = "mailcore".toCharArray();

    @TempDir
    Path dir;

    @Test
    void pemFilesServeSubmissionWithStartTlsAndImaps() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        try (Writer out = Files.newBufferedWriter(cert, StandardCharsets.US_ASCII);
                JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(CERTIFICATE.certificate());
        }
        Key privateKey = CERTIFICATE.keyStore().getKey("server", STORE_PASSWORD);
        try (Writer out = Files.newBufferedWriter(key, StandardCharsets.US_ASCII);
                JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(new JcaPKCS8Generator((java.security.PrivateKey) privateKey, null));
        }
        try (MailServer server = MailServer.builder()
                .user("frank", "pw")
                .tlsPem(cert, key)
                .submission("127.0.0.1", 0)
                .imaps("127.0.0.1", 0)
                .build()
                .start()) {
            submit(server.boundAddress(Protocol.SUBMISSION).getPort(), "frank@localhost", "pw", "Submitted");
            assertThat(imapsSubjects(server.boundAddress(Protocol.IMAPS).getPort(), "frank", "pw"))
                    .containsExactly("Submitted");
        }
    }

    @Test
    void aPkcs12KeyStoreServesImaps() throws Exception {
        Path keyStore = dir.resolve("server.p12");
        try (OutputStream out = Files.newOutputStream(keyStore)) {
            CERTIFICATE.keyStore().store(out, STORE_PASSWORD);
        }
        try (MailServer server = MailServer.builder()
                .user("grace", "pw")
                .tlsPkcs12(keyStore, "mailcore")
                .imaps("127.0.0.1", 0)
                .build()
                .start()) {
            assertThat(imapsSubjects(server.boundAddress(Protocol.IMAPS).getPort(), "grace", "pw"))
                    .isEmpty();
        }
    }

    private static Properties trusting(String protocol) {
        Properties properties = new Properties();
        properties.put(
                "mail." + protocol + ".ssl.socketFactory",
                CERTIFICATE.clientContext().getSocketFactory());
        properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "10000");
        return properties;
    }

    private static void submit(int port, String user, String password, String subject) throws Exception {
        Properties properties = trusting("smtp");
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.starttls.required", "true");
        properties.put("mail.smtp.auth", "true");
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(user));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(user));
        message.setSubject(subject);
        message.setText("Sent by the user's client.");
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", port, user, password);
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    private static List<String> imapsSubjects(int port, String login, String password) throws Exception {
        Store store = Session.getInstance(trusting("imaps")).getStore("imaps");
        store.connect("127.0.0.1", port, login, password);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message m : inbox.getMessages()) {
                subjects.add(m.getSubject());
            }
            inbox.close(false);
            return subjects;
        } finally {
            store.close();
        }
    }
}
