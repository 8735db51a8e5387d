/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.spi;

import dev.mailcore.api.BlobId;
import java.io.InputStream;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Content-addressed storage of immutable bytes. The store never learns who owns a blob; the metadata store refers
 * to blobs by id.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>{@link #put} reads the stream to its end (it does not close it), stores the bytes under their SHA-256 and
 *       returns that id. It is idempotent: storing the same bytes again returns the same id and keeps one copy.
 *       The blob is durable when it returns (an in-memory adapter is exempt, and says so). A failed put leaves no
 *       blob and no partial file visible under the id.
 *   <li>{@link #open} streams; implementations never load a whole blob into the heap unless they keep it there.
 *   <li>All methods are safe from any number of threads; concurrent puts of the same bytes both succeed.
 *   <li>I/O failures surface as {@link java.io.UncheckedIOException}; an unknown id as
 *       {@link dev.mailcore.api.MailException} with reason {@code NOT_FOUND}.
 * </ul>
 *
 * <p>The suite {@code BlobStoreContract} in mailcore-store-core's test-jar checks all of the above.
 */
public interface BlobStore extends AutoCloseable {
    /** Stores the stream's bytes and returns their id. */
    BlobId put(InputStream content);

    boolean exists(BlobId id);

    /** The blob's size in octets. */
    long size(BlobId id);

    /** The whole blob. The caller closes the stream. */
    InputStream open(BlobId id);

    /**
     * At most {@code length} bytes from {@code offset}; fewer at the end, none past it.
     *
     * @throws IllegalArgumentException for a negative offset or length
     */
    InputStream open(BlobId id, long offset, long length);

    /** Deletes a blob; deleting an unknown blob does nothing. */
    void delete(BlobId id);

    /**
     * Every blob with the time it was last put, in no particular order, streamed (never the whole list in memory
     * unless the store keeps it there). Blobs put or deleted meanwhile may or may not appear. The caller closes the
     * stream.
     */
    Stream<StoredBlob> list();

    /**
     * Deletes the blob only if it was last put before {@code cutoff}, atomically with respect to {@link #put} of
     * the same bytes in this process: a put that returned before the call keeps the blob. Returns whether the blob
     * was deleted; an unknown blob gives {@code false}. Reclaiming orphans uses this, so an append that stores the
     * same bytes as an orphan while it is being reclaimed never loses its content.
     */
    boolean deleteIfStoredBefore(BlobId id, Instant cutoff);

    @Override
    void close();
}
