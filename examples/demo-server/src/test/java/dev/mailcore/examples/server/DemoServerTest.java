/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoServerTest {
    @TempDir
    Path data;

    @Test
    void mailSentOverSmtpIsReadOverImapAndSurvivesARestart() throws Exception {
        try (DemoServer server = DemoServer.start(data, 0, 0)) {
            Session session = Session.getInstance(new Properties());
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("someone@example.org"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(DemoServer.USER));
            message.setSubject("Hello demo");
            message.setText("It works.");
            Transport transport = session.getTransport("smtp");
            transport.connect("127.0.0.1", server.smtpPort(), null, null);
            transport.sendMessage(message, message.getAllRecipients());
            transport.close();
            assertThat(subjects(server)).containsExactly("Hello demo");
        }
        try (DemoServer again = DemoServer.start(data, 0, 0)) {
            assertThat(subjects(again)).containsExactly("Hello demo");
        }
    }

    private static java.util.List<String> subjects(DemoServer server) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", server.imapPort(), DemoServer.USER, server.password());
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            java.util.List<String> subjects = new java.util.ArrayList<>();
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
