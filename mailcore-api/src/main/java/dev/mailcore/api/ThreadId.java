/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

/**
 * A thread of emails of one account; also the IMAP THREADID (RFC 8474) and the JMAP Thread id.
 *
 * <p>Ids are opaque strings of 1–255 characters from {@code [A-Za-z0-9_-]}, so every protocol can carry them
 * unquoted.
 */
public record ThreadId(String value) implements Comparable<ThreadId> {
    public ThreadId {
        Ids.requireValid(value, "thread id");
    }

    public static ThreadId of(String value) {
        return new ThreadId(value);
    }

    @Override
    public int compareTo(ThreadId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
