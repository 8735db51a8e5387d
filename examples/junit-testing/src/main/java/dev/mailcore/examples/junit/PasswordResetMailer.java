/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.examples.junit;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.Objects;

/**
 * The kind of code a host application tests with mailcore-testing: it sends a password reset link with Angus Mail
 * through whatever SMTP server its {@link Session} names.
 *
 * <pre>{@code
 * PasswordResetMailer mailer = new PasswordResetMailer(session, "no-reply@shop.example");
 * mailer.send("alice@example.com", URI.create("https://shop.example/reset?token=abc"));
 * }</pre>
 */
public final class PasswordResetMailer {
    /** The subject every reset mail has. */
    public static final String SUBJECT = "Reset your password";

    private final Session session;
    private final String from;

    public PasswordResetMailer(Session session, String from) {
        this.session = Objects.requireNonNull(session, "session");
        this.from = Objects.requireNonNull(from, "from");
    }

    /** Sends the reset link to {@code recipient}. */
    public void send(String recipient, URI link) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        message.setSubject(SUBJECT);
        message.setText("Someone asked to reset the password of this account.\n"
                + "Open this link within an hour to choose a new one:\n\n"
                + link + "\n\nIf it was not you, ignore this mail.\n");
        Transport.send(message);
    }
}
