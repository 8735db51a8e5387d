/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

/**
 * A mailbox of one account; also the IMAP MAILBOXID (RFC 8474) and the JMAP Mailbox id.
 *
 * <p>Ids are opaque strings of 1–255 characters from {@code [A-Za-z0-9_-]}, so every protocol can carry them
 * unquoted.
 */
public record MailboxId(String value) implements Comparable<MailboxId> {
    public MailboxId {
        Ids.requireValid(value, "mailbox id");
    }

    public static MailboxId of(String value) {
        return new MailboxId(value);
    }

    @Override
    public int compareTo(MailboxId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
