/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The octets of one literal: in memory when small, in a temp file (deleted on {@link #close()}) when large.
 */
public final class Literal implements Frame.Part, AutoCloseable {
    private final byte[] bytes;
    private final Path file;
    private final long size;

    private Literal(byte[] bytes, Path file, long size) {
        this.bytes = bytes;
        this.file = file;
        this.size = size;
    }

    /** A literal held in memory. */
    public static Literal ofBytes(byte[] bytes) {
        return new Literal(bytes, null, bytes.length);
    }

    /** A literal held in a file that this literal owns and deletes when closed. */
    public static Literal ofFile(Path file, long size) {
        return new Literal(null, file, size);
    }

    /** The length in octets. */
    public long size() {
        return size;
    }

    /** Reads the octets; may be called more than once. */
    public InputStream open() {
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The octets as a string (for small literals such as names and search terms). */
    public byte[] readAll() {
        try (InputStream in = open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
