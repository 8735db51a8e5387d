/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory;

import dev.mailcore.api.BlobId;
import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.api.spi.BlobStore;
import dev.mailcore.api.spi.StoredBlob;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A {@link BlobStore} that keeps blobs as byte arrays on the heap, for tests and demos.
 *
 * <pre>{@code
 * BlobStore blobs = new MemoryBlobStore();
 * BlobId id = blobs.put(new ByteArrayInputStream(raw));
 * try (InputStream in = blobs.open(id)) { ... }
 * }</pre>
 *
 * <p><b>Not durable:</b> blobs are gone when the process ends or {@link #close()} is called, the exemption the
 * {@link BlobStore} contract allows an in-memory adapter. Because blobs live on the heap anyway, {@link #put} reads
 * the whole stream into memory. Safe from any number of threads.
 */
public final class MemoryBlobStore implements BlobStore {
    private final ConcurrentHashMap<BlobId, Entry> blobs = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile boolean closed;

    /** Creates an empty store on the system clock. */
    public MemoryBlobStore() {
        this(Clock.systemUTC());
    }

    /** Creates an empty store whose {@link StoredBlob#storedAt} times come from {@code clock}. */
    public MemoryBlobStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private record Entry(byte[] bytes, Instant storedAt) {}

    @Override
    public BlobId put(InputStream content) {
        Objects.requireNonNull(content, "content");
        checkOpen();
        MessageDigest sha256 = sha256();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            new DigestInputStream(content, sha256).transferTo(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BlobId id = BlobId.ofDigest(sha256.digest());
        Instant now = clock.instant();
        // Atomic per id, so a concurrent deleteIfStoredBefore sees either the old entry or the refreshed one.
        blobs.compute(id, (key, old) -> new Entry(old == null ? buffer.toByteArray() : old.bytes(), now));
        return id;
    }

    @Override
    public boolean exists(BlobId id) {
        checkOpen();
        return blobs.containsKey(id);
    }

    @Override
    public long size(BlobId id) {
        return require(id).length;
    }

    @Override
    public InputStream open(BlobId id) {
        return new ByteArrayInputStream(require(id));
    }

    @Override
    public InputStream open(BlobId id, long offset, long length) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must not be negative: " + offset + ", " + length);
        }
        byte[] bytes = require(id);
        int from = (int) Math.min(offset, bytes.length);
        int count = (int) Math.min(length, bytes.length - from);
        return new ByteArrayInputStream(bytes, from, count);
    }

    @Override
    public void delete(BlobId id) {
        checkOpen();
        blobs.remove(id);
    }

    @Override
    public Stream<StoredBlob> list() {
        checkOpen();
        List<StoredBlob> snapshot = blobs.entrySet().stream()
                .map(e -> new StoredBlob(e.getKey(), e.getValue().storedAt()))
                .toList();
        return snapshot.stream();
    }

    @Override
    public boolean deleteIfStoredBefore(BlobId id, Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        checkOpen();
        boolean[] deleted = {false};
        blobs.computeIfPresent(id, (key, entry) -> {
            if (entry.storedAt().isBefore(cutoff)) {
                deleted[0] = true;
                return null;
            }
            return entry;
        });
        return deleted[0];
    }

    /** Drops all blobs; later calls throw {@link IllegalStateException}. */
    @Override
    public void close() {
        closed = true;
        blobs.clear();
    }

    private byte[] require(BlobId id) {
        Objects.requireNonNull(id, "id");
        checkOpen();
        Entry entry = blobs.get(id);
        if (entry == null) {
            throw new MailException(ErrorReason.NOT_FOUND, "no blob " + id);
        }
        return entry.bytes();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the blob store is closed");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
