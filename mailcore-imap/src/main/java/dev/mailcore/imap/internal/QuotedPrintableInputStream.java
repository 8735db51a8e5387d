/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * Decodes quoted-printable (RFC 2045 §6.7) as it is read, for BINARY fetches. Soft line breaks vanish, {@code =XX}
 * becomes its octet, whitespace before a line end is dropped; a malformed {@code =} is passed through, as RFC 2045
 * suggests for robustness.
 */
final class QuotedPrintableInputStream extends InputStream {
    private final PushbackInputStream in;
    // Spaces and tabs read but not yet returned: they are dropped when a line end follows them.
    private final byte[] blanks = new byte[998];
    private int blankCount;
    private int blankNext;

    QuotedPrintableInputStream(InputStream in) {
        this.in = new PushbackInputStream(in, 2);
    }

    @Override
    public int read() throws IOException {
        if (blankNext < blankCount) {
            return blanks[blankNext++];
        }
        blankCount = 0;
        blankNext = 0;
        int c = in.read();
        if (c == ' ' || c == '\t') {
            return blanksThen(c);
        }
        if (c != '=') {
            return c;
        }
        int a = in.read();
        if (a == '\r') {
            int b = in.read();
            if (b != '\n' && b >= 0) {
                in.unread(b);
            }
            return read();
        }
        if (a == '\n') {
            return read();
        }
        int b = a < 0 ? -1 : in.read();
        int high = Character.digit(a, 16);
        int low = b < 0 ? -1 : Character.digit(b, 16);
        if (high < 0 || low < 0) {
            if (b >= 0) {
                in.unread(b);
            }
            if (a >= 0) {
                in.unread(a);
            }
            return '=';
        }
        return (high << 4) | low;
    }

    /** Collects a run of blanks; returns the first unless a line end (or the end) follows the run. */
    private int blanksThen(int first) throws IOException {
        blanks[blankCount++] = (byte) first;
        int c = in.read();
        while ((c == ' ' || c == '\t') && blankCount < blanks.length) {
            blanks[blankCount++] = (byte) c;
            c = in.read();
        }
        if (c == '\r' || c == '\n' || c < 0) {
            blankCount = 0;
            return c;
        }
        in.unread(c);
        blankNext = 1;
        return blanks[0];
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
