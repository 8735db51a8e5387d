/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.BodyTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/** Angus Mail as a user's client: sends over SMTP, reads the INBOX over IMAP or POP3. */
final class MailClient {
    private MailClient() {}

    static void send(String host, int port, String to, String subject) throws MessagingException {
        send(host, port, "someone@example.org", to, subject, java.util.Map.of());
    }

    /** Sends from {@code from} (also the MAIL FROM address) with extra header fields. */
    static void send(
            String host, int port, String from, String to, String subject, java.util.Map<String, String> headers)
            throws MessagingException {
        send(host, port, null, null, from, to, subject, headers);
    }

    /** Sends as {@code login} with AUTH, as over the submission port (plaintext is allowed on loopback). */
    static void submit(String host, int port, String login, String password, String from, String to, String subject)
            throws MessagingException {
        send(host, port, login, password, from, to, subject, java.util.Map.of());
    }

    private static void send(
            String host,
            int port,
            String login,
            String password,
            String from,
            String to,
            String subject,
            java.util.Map<String, String> headers)
            throws MessagingException {
        Properties properties = new Properties();
        if (login != null) {
            properties.put("mail.smtp.auth", "true");
        }
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText("Hello from the test.");
        for (var header : headers.entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        Transport transport = session.getTransport("smtp");
        transport.connect(host, port, login, password);
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } finally {
            transport.close();
        }
    }

    /** The server's reply to {@code VRFY address}, as Angus's SMTP transport reads it. */
    static String verify(String host, int port, String address) throws MessagingException {
        SMTPTransport transport =
                (SMTPTransport) Session.getInstance(new Properties()).getTransport("smtp");
        transport.connect(host, port, null, null);
        try {
            transport.simpleCommand("VRFY " + address);
            return transport.getLastServerResponse().strip();
        } finally {
            transport.close();
        }
    }

    /** Subjects of the INBOX messages whose body contains {@code word}, found by IMAP SEARCH BODY. */
    static List<String> searchSubjects(String host, int port, String login, String password, String word)
            throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect(host, port, login, password);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message m : inbox.search(new BodyTerm(word))) {
                subjects.add(m.getSubject());
            }
            inbox.close(false);
            return subjects;
        } finally {
            store.close();
        }
    }

    static List<String> inboxSubjects(String host, int port, String login, String password) throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect(host, port, login, password);
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

    static List<String> pop3Subjects(String host, int port, String login, String password) throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("pop3");
        store.connect(host, port, login, password);
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
