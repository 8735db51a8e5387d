/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net.internal;

import dev.mailcore.net.Literal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Collects exactly the announced number of octets, in memory below a threshold and in a temp file above it. */
final class LiteralSink {
    private final long size;
    private final byte[] memory;
    private final Path file;
    private final FileChannel channel;
    private long received;

    LiteralSink(long size, int memoryThreshold, Path spoolDirectory) {
        this.size = size;
        if (size <= memoryThreshold) {
            memory = new byte[(int) size];
            file = null;
            channel = null;
        } else {
            memory = null;
            try {
                file = spoolDirectory == null
                        ? Files.createTempFile("mailcore-literal-", ".tmp")
                        : Files.createTempFile(spoolDirectory, "mailcore-literal-", ".tmp");
                channel = FileChannel.open(file, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    void write(ByteBuffer in) {
        int n = (int) Math.min(in.remaining(), size - received);
        if (memory != null) {
            in.get(memory, (int) received, n);
        } else {
            ByteBuffer slice = in.slice(in.position(), n);
            try {
                while (slice.hasRemaining()) {
                    channel.write(slice);
                }
            } catch (IOException e) {
                abort();
                throw new UncheckedIOException(e);
            }
            in.position(in.position() + n);
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
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Literal.ofFile(file, size);
    }

    void abort() {
        if (file != null) {
            try {
                channel.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
