/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net.internal;

import dev.mailcore.net.Frame;
import dev.mailcore.net.Literal;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Reads one dot-terminated message (RFC 5321 section 4.5.2) from the byte stream: removes the leading dot of each
 * line that has one, stops at the line holding only a dot, and keeps the rest in memory below a threshold and in a
 * temp file above it (written by the connection's {@link SpoolWriter}). Past the size limit it keeps reading to the end but stores nothing more.
 */
final class DotDataSink {
    private enum State {
        LINE_START,
        DOT,
        DOT_CR,
        IN_LINE
    }

    private static final byte[] DATA = {'D', 'A', 'T', 'A'};

    private final long maxSize;
    private final int memoryThreshold;
    private final SpoolWriter spool;
    private byte[] chunk = new byte[8192];
    private int chunkLength;
    private State state = State.LINE_START;
    private long size;
    private boolean tooLarge;
    private boolean complete;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private SpoolWriter.File file;

    DotDataSink(long maxSize, int memoryThreshold, SpoolWriter spool) {
        this.maxSize = maxSize;
        this.memoryThreshold = memoryThreshold;
        this.spool = spool;
    }

    /** Consumes bytes of {@code in} up to the end of the message; the bytes after it stay in {@code in}. */
    void write(ByteBuffer in) {
        while (in.hasRemaining() && !complete) {
            byte b = in.get();
            switch (state) {
                case LINE_START -> {
                    if (b == '.') {
                        state = State.DOT;
                    } else {
                        keep(b);
                        state = b == '\n' ? State.LINE_START : State.IN_LINE;
                    }
                }
                case DOT -> {
                    if (b == '\r') {
                        state = State.DOT_CR;
                    } else if (b == '\n') {
                        complete = true;
                    } else {
                        keep(b);
                        state = State.IN_LINE;
                    }
                }
                case DOT_CR -> {
                    if (b == '\n') {
                        complete = true;
                    } else {
                        keep((byte) '\r');
                        keep(b);
                        state = State.IN_LINE;
                    }
                }
                case IN_LINE -> {
                    keep(b);
                    if (b == '\n') {
                        state = State.LINE_START;
                    }
                }
            }
        }
    }

    boolean complete() {
        return complete;
    }

    /** The message, or {@link Frame.TooLong} when it was larger than the limit. */
    Frame finish() {
        if (tooLarge) {
            abort();
            return new Frame.TooLong(DATA.clone(), true);
        }
        flushChunk();
        if (file == null) {
            return new Frame.Request(List.of(Literal.ofBytes(memory.toByteArray())));
        }
        file.close();
        return new Frame.Request(List.of(Literal.ofFile(file.path(), size)));
    }

    void abort() {
        memory = null;
        if (file != null) {
            file.abort();
        }
    }

    private void keep(byte b) {
        if (tooLarge) {
            return;
        }
        if (++size > maxSize) {
            tooLarge = true;
            return;
        }
        chunk[chunkLength++] = b;
        if (chunkLength == chunk.length) {
            flushChunk();
        }
    }

    private void flushChunk() {
        if (file == null && memory.size() + chunkLength > memoryThreshold) {
            file = spool.open("mailcore-data-");
            byte[] held = memory.toByteArray();
            file.write(held, held.length);
            memory = null;
        }
        if (file == null) {
            memory.write(chunk, 0, chunkLength);
        } else if (chunkLength > 0) {
            // The writer keeps the array until it is written: the next bytes go to a new one.
            file.write(chunk, chunkLength);
            chunk = new byte[chunk.length];
        }
        chunkLength = 0;
    }
}
