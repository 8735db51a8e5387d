/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp.internal;

import dev.mailcore.net.LiteralAnnouncer;

/**
 * SMTP announces no literals, but the framer holds after a {@code DATA} line: what follows is a message only when
 * the session accepts the command.
 */
public final class SmtpLiterals implements LiteralAnnouncer {
    @Override
    public Announcement announced(byte[] line, int length) {
        return null;
    }

    @Override
    public boolean holds(byte[] line, int length) {
        return isData(line, length);
    }

    /** Whether a line is a DATA command (the same test decides in the framer and in the session). */
    public static boolean isData(byte[] line, int length) {
        return length == 4
                && (line[0] | 0x20) == 'd'
                && (line[1] | 0x20) == 'a'
                && (line[2] | 0x20) == 't'
                && (line[3] | 0x20) == 'a';
    }
}
