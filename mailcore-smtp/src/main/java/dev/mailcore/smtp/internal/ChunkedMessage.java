/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp.internal;

import dev.mailcore.net.Literal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The message of a BDAT transaction, put together from its chunks: in memory while small, then in a temp file that
 * {@link #discard()} deletes. The framer enforces the size limit: a chunk that would pass it never gets here.
 */
final class ChunkedMessage {
    private static final int MEMORY_LIMIT = 256 << 10;

    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream out;
    private long size;

    /** Adds a chunk. */
    void append(Literal chunk) {
        try (InputStream in = chunk.open()) {
            in.transferTo(target(chunk.size()));
        } catch (IOException e) {
            discard();
            throw new UncheckedIOException(e);
        }
        size += chunk.size();
    }

    /** The octets kept so far. */
    long size() {
        return size;
    }

    /** The whole message; the literal owns the temp file from now on. */
    Literal finish() {
        try {
            if (file == null) {
                return Literal.ofBytes(memory.toByteArray());
            }
            out.close();
            Literal literal = Literal.ofFile(file, size);
            file = null;
            return literal;
        } catch (IOException e) {
            discard();
            throw new UncheckedIOException(e);
        }
    }

    /** Drops what was kept. */
    void discard() {
        memory = null;
        if (file != null) {
            try {
                out.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                file = null;
            }
        }
    }

    private OutputStream target(long more) throws IOException {
        if (file == null && memory.size() + more > MEMORY_LIMIT) {
            file = Files.createTempFile("mailcore-bdat-", ".tmp");
            out = Files.newOutputStream(file);
            memory.writeTo(out);
            memory = null;
        }
        return file != null ? out : memory;
    }
}
