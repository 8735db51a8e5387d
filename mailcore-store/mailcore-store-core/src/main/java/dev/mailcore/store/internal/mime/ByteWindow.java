/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

/**
 * Byte-at-a-time random access to a {@link SpooledMessage} through a fixed buffer, so that scanning a large message
 * held in a temp file costs one positional read per 64 KiB and no more memory than that. Not thread-safe.
 */
final class ByteWindow {
    private static final int SIZE = 64 * 1024;

    private final SpooledMessage message;
    private final long length;
    private final byte[] buffer = new byte[SIZE];
    private long bufferStart;
    private int bufferLength;

    ByteWindow(SpooledMessage message) {
        this.message = message;
        this.length = message.size();
    }

    long length() {
        return length;
    }

    /** The byte at {@code position} (0-255), or -1 at or past the end. */
    int get(long position) {
        if (position >= length || position < 0) {
            return -1;
        }
        if (position < bufferStart || position >= bufferStart + bufferLength) {
            bufferStart = position;
            bufferLength = Math.max(0, message.read(position, buffer, 0, (int) Math.min(SIZE, length - position)));
        }
        return buffer[(int) (position - bufferStart)] & 0xff;
    }

    /** Copies {@code [from, to)} into a new array; the caller bounds the length. */
    byte[] bytes(long from, long to) {
        byte[] out = new byte[(int) (to - from)];
        int done = 0;
        while (done < out.length) {
            int r = message.read(from + done, out, done, out.length - done);
            if (r <= 0) {
                break;
            }
            done += r;
        }
        return out;
    }

    /**
     * The end of the line that starts at {@code position}, with Angus Mail's line rules: a line ends at LF, CRLF,
     * CRCRLF or a lone CR; {@code limit} stands for the end of the data.
     *
     * @return the offset of the first terminator byte (or {@code limit}); {@link #afterTerminator} gives where the
     *     next line starts
     */
    long lineEnd(long position, long limit) {
        long p = position;
        int b;
        while (p < limit && (b = get(p)) != -1 && b != '\n' && b != '\r') {
            p++;
        }
        return p;
    }

    /** Where the next line starts, given the offset of a line's terminator (as returned by {@link #lineEnd}). */
    long afterTerminator(long terminator, long limit) {
        int b = at(terminator, limit);
        if (b == '\n') {
            return terminator + 1;
        }
        if (b != '\r') {
            return terminator;
        }
        if (at(terminator + 1, limit) == '\n') {
            return terminator + 2;
        }
        if (at(terminator + 1, limit) == '\r' && at(terminator + 2, limit) == '\n') {
            return terminator + 3;
        }
        return terminator + 1;
    }

    /** The byte at {@code position}, or -1 at or past {@code limit}. */
    int at(long position, long limit) {
        return position >= limit ? -1 : get(position);
    }
}
