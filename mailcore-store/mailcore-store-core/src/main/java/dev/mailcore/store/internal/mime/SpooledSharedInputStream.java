/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

import jakarta.mail.internet.SharedInputStream;
import java.io.InputStream;
import java.util.Objects;

/**
 * A window {@code [absoluteStart, absoluteEnd)} of a {@link SpooledMessage} as a Jakarta Mail
 * {@link SharedInputStream}. Sub-streams made by {@link #newStream(long, long)} know their absolute place in the raw
 * message, so every Angus {@code MimeBodyPart} parsed from this stream can be located: its
 * {@code getRawInputStream()} is one of these streams, and {@link #absoluteStart()} is where its body begins.
 *
 * <pre>{@code
 * MimeMessage parsed = new MimeMessage(session, new SpooledSharedInputStream(spooled));
 * }</pre>
 *
 * <p>Positions reported by {@link #getPosition()} are relative to this stream, as the interface requires. Supports
 * mark/reset without a read limit. Not thread-safe; make one stream per thread with {@link #newStream(long, long)}.
 */
public final class SpooledSharedInputStream extends InputStream implements SharedInputStream {
    private static final int BUFFER = 8192;

    private final SpooledMessage message;
    private final long start;
    private final long end;
    private long position;
    private long mark;
    private final byte[] buffer = new byte[BUFFER];
    private long bufferStart;
    private int bufferLength;

    /** A stream over the whole message. */
    public SpooledSharedInputStream(SpooledMessage message) {
        this(message, 0, message.size());
    }

    private SpooledSharedInputStream(SpooledMessage message, long start, long end) {
        this.message = Objects.requireNonNull(message, "message");
        this.start = start;
        this.end = end;
        this.position = start;
        this.mark = start;
    }

    /** The offset in the raw message of this stream's first byte. */
    public long absoluteStart() {
        return start;
    }

    /** The offset in the raw message one past this stream's last byte. */
    public long absoluteEnd() {
        return end;
    }

    @Override
    public long getPosition() {
        return position - start;
    }

    /**
     * A new stream over {@code [start, end)} of this stream, positions relative to this stream's start; {@code end}
     * of -1 means this stream's end.
     */
    @Override
    public SpooledSharedInputStream newStream(long start, long end) {
        long length = this.end - this.start;
        long to = end < 0 ? length : end;
        if (start < 0 || start > to || to > length) {
            throw new IllegalArgumentException("bad range " + start + "-" + end + " of a stream of " + length);
        }
        return new SpooledSharedInputStream(message, this.start + start, this.start + to);
    }

    @Override
    public int read() {
        if (position >= end) {
            return -1;
        }
        if (position < bufferStart || position >= bufferStart + bufferLength) {
            fill();
        }
        int b = buffer[(int) (position - bufferStart)] & 0xff;
        position++;
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (position >= end) {
            return -1;
        }
        int n = (int) Math.min(len, end - position);
        int r = message.read(position, b, off, n);
        if (r <= 0) {
            return -1;
        }
        position += r;
        return r;
    }

    private void fill() {
        int n = (int) Math.min(BUFFER, end - position);
        int r = message.read(position, buffer, 0, n);
        bufferStart = position;
        bufferLength = Math.max(r, 0);
        if (bufferLength == 0) {
            throw new IllegalStateException("spooled message ended before its size");
        }
    }

    @Override
    public long skip(long n) {
        if (n <= 0) {
            return 0;
        }
        long skipped = Math.min(n, end - position);
        position += skipped;
        return skipped;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, end - position);
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public void mark(int readLimit) {
        mark = position;
    }

    @Override
    public void reset() {
        position = mark;
    }

    @Override
    public void close() {
        // Nothing to release: the spooled message owns the bytes.
    }
}
