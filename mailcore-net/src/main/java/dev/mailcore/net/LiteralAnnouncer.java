/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net;

/**
 * Tells the framer whether a line ends with the announcement of a literal (for IMAP: {@code {123}} or
 * {@code {123+}}), so the next bytes are read as exactly that many octets and not as lines.
 */
@FunctionalInterface
public interface LiteralAnnouncer {
    /** No line ever announces a literal (SMTP, POP3). */
    LiteralAnnouncer NONE = (line, length) -> null;

    /**
     * Examines a line (without its CRLF).
     *
     * @return the announced literal, or null when the line is not followed by one
     */
    Announcement announced(byte[] line, int length);

    /**
     * Whether the framer stops after this line (one without a literal) until the protocol says how to read on, with
     * {@link Connection#receiveData(long)}, {@link Connection#receiveExact(long, long)} or {@link
     * Connection#resumeLines()}. SMTP holds after {@code DATA}: the bytes that follow are a message only when the
     * server accepted the command, and command lines otherwise; and after {@code BDAT n}, whose chunk of n octets
     * is read whatever the reply.
     */
    default boolean holds(byte[] line, int length) {
        return false;
    }

    /**
     * A literal that follows a line.
     *
     * @param size its length in octets
     * @param continuation what to send the client before it sends the literal (a synchronizing literal's "+ ..."
     *     line), or null for a non-synchronizing literal
     */
    record Announcement(long size, byte[] continuation) {}
}
