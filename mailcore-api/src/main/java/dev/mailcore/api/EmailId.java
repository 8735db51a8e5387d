/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

/**
 * An email of one account; also the IMAP EMAILID (RFC 8474) and the JMAP Email id.
 *
 * <p>Ids are opaque strings of 1–255 characters from {@code [A-Za-z0-9_-]}, so every protocol can carry them
 * unquoted.
 */
public record EmailId(String value) implements Comparable<EmailId> {
    public EmailId {
        Ids.requireValid(value, "email id");
    }

    public static EmailId of(String value) {
        return new EmailId(value);
    }

    @Override
    public int compareTo(EmailId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
