/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net.internal;

import dev.mailcore.net.Literal;
import java.nio.ByteBuffer;

/**
 * Collects exactly the announced number of octets, in memory below a threshold and in a temp file above it (written
 * by the connection's {@link SpoolWriter}, off the I/O thread).
 */
final class LiteralSink {
    private final long size;
    private final byte[] memory;
    private final SpoolWriter.File file;
    private long received;

    LiteralSink(long size, int memoryThreshold, SpoolWriter spool) {
        this.size = size;
        if (size <= memoryThreshold) {
            memory = new byte[(int) size];
            file = null;
        } else {
            memory = null;
            file = spool.open("mailcore-literal-");
        }
    }

    void write(ByteBuffer in) {
        int n = (int) Math.min(in.remaining(), size - received);
        if (memory != null) {
            in.get(memory, (int) received, n);
        } else {
            file.write(in, n);
        }
        received += n;
    }

    boolean complete() {
        return received == size;
    }

    Literal finish() {
        if (memory != null) {
            return Literal.ofBytes(memory);
        }
        file.close();
        return Literal.ofFile(file.path(), size);
    }

    void abort() {
        if (file != null) {
            file.abort();
        }
    }
}
