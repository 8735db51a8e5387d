/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.testing;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;

/** What the tests do with Angus Mail as a user's client would. */
final class Mails {
    private Mails() {}

    static MimeMessage message(Session session, String to, String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("app@example.org"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText("Body of " + subject);
        return message;
    }

    /** Sends over the session's SMTP transport. */
    static void send(Session session, String to, String subject) throws MessagingException {
        Transport.send(message(session, to, subject));
    }

    static List<String> subjects(List<MimeMessage> messages) throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : messages) {
            subjects.add(m.getSubject());
        }
        return subjects;
    }

    static List<String> subjects(Message[] messages) throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (Message m : messages) {
            subjects.add(m.getSubject());
        }
        return subjects;
    }

    /** The subjects of a mailbox as IMAP shows them. */
    static List<String> imapSubjects(Store store, String mailbox) throws MessagingException {
        Folder folder = store.getFolder(mailbox);
        folder.open(Folder.READ_ONLY);
        try {
            List<String> subjects = new ArrayList<>();
            for (Message m : folder.getMessages()) {
                subjects.add(m.getSubject());
            }
            return subjects;
        } finally {
            folder.close(false);
        }
    }
}
