/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net.internal;

import dev.mailcore.net.Frame;
import dev.mailcore.net.LiteralAnnouncer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits the byte stream of one connection into requests: lines up to a maximum length, and the literals lines
 * announce. Holds at most one line and one literal; an over-long line is skipped to its end, never buffered. Not
 * thread-safe: one I/O thread feeds it.
 */
public final class Framer {
    /** Where the framer sends what it found. */
    public interface Output {
        void frame(Frame frame);

        /** Bytes for the client now (a literal's continuation request). */
        void send(byte[] bytes);

        /** The stream cannot continue (a non-synchronizing literal over the limit): close the connection. */
        void fail();
    }

    private static final int START_BYTES = 64;

    private final int maxLineLength;
    private final long maxLiteralSize;
    private final int memoryThreshold;
    private final SpoolWriter spool;
    private final LiteralAnnouncer announcer;
    private final List<Frame.Part> parts = new ArrayList<>();
    private byte[] line = new byte[128];
    private int lineLength;
    private byte[] discardedStart;
    private LiteralSink literal;
    private DotDataSink data;
    private LiteralSink exact;
    private long skipping;
    private boolean held;
    private ByteBuffer pending;

    public Framer(
            int maxLineLength,
            long maxLiteralSize,
            int memoryThreshold,
            SpoolWriter spool,
            LiteralAnnouncer announcer) {
        this.maxLineLength = maxLineLength;
        this.maxLiteralSize = maxLiteralSize;
        this.memoryThreshold = memoryThreshold;
        this.spool = spool;
        this.announcer = announcer;
    }

    /** Writes this connection's spooled literals. */
    public SpoolWriter spool() {
        return spool;
    }

    /** Consumes all of {@code in}. */
    public void feed(ByteBuffer in, Output out) {
        while (in.hasRemaining()) {
            if (held) {
                keepPending(in);
                return;
            }
            if (skipping > 0) {
                skip(in, out);
                continue;
            }
            if (exact != null) {
                exact.write(in);
                if (exact.complete()) {
                    finishExact(out);
                }
                continue;
            }
            if (data != null) {
                data.write(in);
                if (data.complete()) {
                    DotDataSink done = data;
                    data = null;
                    out.frame(done.finish());
                }
                continue;
            }
            if (literal != null) {
                literal.write(in);
                if (literal.complete()) {
                    parts.add(literal.finish());
                    literal = null;
                }
                continue;
            }
            byte b = in.get();
            if (b == '\n') {
                endOfLine(out);
            } else if (discardedStart == null) {
                append(b);
            }
        }
    }

    /** Whether the framer waits for {@link #receiveData} or {@link #resumeLines} after a held line. */
    public boolean held() {
        return held;
    }

    /** Reads the next bytes, held ones first, as a dot-terminated message of at most {@code maxSize} octets. */
    public void receiveData(long maxSize, Output out) {
        data = new DotDataSink(maxSize, memoryThreshold, spool);
        release(out);
    }

    /**
     * Reads the next {@code size} bytes, held ones first, as one request holding them as a literal, or drops them
     * when there are more than {@code maxSize}; lines follow.
     */
    public void receiveExact(long size, long maxSize, Output out) {
        if (size > maxSize) {
            skipping = size;
        } else {
            exact = new LiteralSink(size, memoryThreshold, spool);
            if (exact.complete()) {
                finishExact(out);
            }
        }
        release(out);
    }

    /** Reads the next bytes, held ones first, as lines again. */
    public void resumeLines(Output out) {
        release(out);
    }

    /** Drops everything buffered (the plaintext before a TLS handshake). */
    public void reset() {
        lineLength = 0;
        discardedStart = null;
        held = false;
        pending = null;
        skipping = 0;
        if (exact != null) {
            exact.abort();
            exact = null;
        }
        if (data != null) {
            data.abort();
            data = null;
        }
        if (literal != null) {
            literal.abort();
            literal = null;
        }
        dropParts();
    }

    private void append(byte b) {
        // One byte of slack for the CR of the CRLF.
        if (lineLength > maxLineLength) {
            discardedStart = Arrays.copyOf(line, Math.min(lineLength, START_BYTES));
            lineLength = 0;
            return;
        }
        if (lineLength == line.length) {
            line = Arrays.copyOf(line, Math.min(line.length * 2, maxLineLength + 1));
        }
        line[lineLength++] = b;
    }

    private void endOfLine(Output out) {
        if (discardedStart != null) {
            byte[] start = startOfRequest(discardedStart);
            discardedStart = null;
            dropParts();
            out.frame(new Frame.TooLong(start, false));
            return;
        }
        int length = lineLength;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        byte[] bytes = Arrays.copyOf(line, length);
        lineLength = 0;
        if (line.length > 4096) {
            line = new byte[128];
        }
        LiteralAnnouncer.Announcement announced = announcer.announced(bytes, length);
        if (announced == null) {
            parts.add(new Frame.Line(bytes));
            out.frame(new Frame.Request(parts));
            parts.clear();
            held = announcer.holds(bytes, length);
            return;
        }
        if (announced.size() > maxLiteralSize || announced.size() < 0) {
            byte[] start = startOfRequest(bytes);
            dropParts();
            if (announced.continuation() == null) {
                out.fail();
            } else {
                out.frame(new Frame.TooLong(start, true));
            }
            return;
        }
        parts.add(new Frame.Line(bytes));
        literal = new LiteralSink(announced.size(), memoryThreshold, spool);
        if (announced.continuation() != null) {
            out.send(announced.continuation());
        }
        if (literal.complete()) {
            parts.add(literal.finish());
            literal = null;
        }
    }

    private void skip(ByteBuffer in, Output out) {
        int n = (int) Math.min(in.remaining(), skipping);
        in.position(in.position() + n);
        skipping -= n;
        if (skipping == 0) {
            out.frame(new Frame.TooLong(new byte[0], true));
        }
    }

    private void finishExact(Output out) {
        LiteralSink done = exact;
        exact = null;
        out.frame(new Frame.Request(List.of(done.finish())));
    }

    private void keepPending(ByteBuffer in) {
        // Bounded: the connection stops reading while the framer is held, so this is at most a read or two.
        ByteBuffer grown = ByteBuffer.allocate((pending == null ? 0 : pending.remaining()) + in.remaining());
        if (pending != null) {
            grown.put(pending);
        }
        grown.put(in);
        pending = grown.flip();
    }

    private void release(Output out) {
        held = false;
        ByteBuffer bytes = pending;
        pending = null;
        if (bytes != null) {
            feed(bytes, out);
        }
    }

    private byte[] startOfRequest(byte[] current) {
        if (!parts.isEmpty() && parts.getFirst() instanceof Frame.Line first) {
            return Arrays.copyOf(first.bytes(), Math.min(first.bytes().length, START_BYTES));
        }
        return Arrays.copyOf(current, Math.min(current.length, START_BYTES));
    }

    private void dropParts() {
        new Frame.Request(parts).close();
        parts.clear();
    }
}
