/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.testing;

import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A user of the test server with its own mailbox, as {@link MailcoreExtension#newUser()} makes one per test: tests
 * running in parallel against one server each see only their own mail.
 *
 * <pre>{@code
 * MailUser me = mail.newUser();
 * app.sendWelcomeMail(me.address());
 * assertTrue(me.waitForIncomingEmail(Duration.ofSeconds(5), 1));
 * assertEquals("Welcome", me.receivedMessages().get(0).getSubject());
 * }</pre>
 */
public final class MailUser {
    private final MailcoreExtension mail;
    private final String address;
    private final String password;

    MailUser(MailcoreExtension mail, String address, String password) {
        this.mail = mail;
        this.address = Objects.requireNonNull(address, "address");
        this.password = Objects.requireNonNull(password, "password");
    }

    /** The user's address, which is also a login. */
    public String address() {
        return address;
    }

    /** The user's password. */
    public String password() {
        return password;
    }

    /** The messages of this user alone, in arrival order. */
    public List<MimeMessage> receivedMessages() {
        return mail.receivedMessagesFor(address);
    }

    /** Waits until this user has at least {@code count} messages; false if {@code timeout} ran out first. */
    public boolean waitForIncomingEmail(Duration timeout, int count) {
        return mail.waitForIncomingEmail(address, timeout, count);
    }

    /** An IMAP store logged in as this user; the caller closes it. */
    public Store imapStore() throws MessagingException {
        return mail.imapStore(address);
    }

    /** Puts a message straight into this user's INBOX. */
    public void deliver(MimeMessage message) {
        mail.deliver(message, address);
    }

    @Override
    public String toString() {
        return address;
    }
}
