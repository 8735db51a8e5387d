/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

/**
 * How a command ends: its tagged status and text, and whether pending expunges may be reported before it (RFC 9051
 * §7.5.1 forbids it after FETCH, STORE and SEARCH by sequence number).
 */
public record Completion(String status, String text, boolean expungeAllowed) {
    public static Completion ok(String text) {
        return new Completion("OK", text, true);
    }

    public static Completion okNoExpunge(String text) {
        return new Completion("OK", text, false);
    }

    public static Completion no(String text) {
        return new Completion("NO", text, true);
    }

    public static Completion bad(String text) {
        return new Completion("BAD", text, false);
    }
}
