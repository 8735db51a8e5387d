/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store;

import dev.mailcore.api.BlobId;
import dev.mailcore.api.spi.BlobReferences;
import dev.mailcore.api.spi.BlobStore;
import dev.mailcore.api.spi.StoredBlob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reclaims orphan blobs: blobs that no holder (the metadata store, the outbound queue) references. Blobs become
 * orphans when emails are expunged or queued messages delivered (the engine never deletes a blob on the spot, since
 * identical content is shared), and when an append or enqueue fails, or the process dies, between the blob's put
 * and the commit of the row that names it.
 *
 * <pre>{@code
 * BlobSweeper sweeper = new BlobSweeper(blobStore, List.of(metadataStore, outboundQueue), Clock.systemUTC());
 * BlobSweeper.Result result = sweeper.sweep(Duration.ofHours(1));
 * }</pre>
 *
 * <p>Every holder that keeps ids in the blob store must be listed: a blob only the queue references looks like an
 * orphan to the metadata store. Only blobs last put more than {@code minAge} ago are considered, which protects
 * appends in flight (blob stored, row not yet committed); a put of bytes that already exist makes the blob young
 * again, and the final delete re-checks the age atomically with such puts, so reusing an orphan's content while it
 * is being reclaimed is safe. {@code minAge} must exceed the longest time between an append's put and its commit;
 * an hour is generous. A sweep streams the blob list and asks the holders in batches, so it runs in bounded memory
 * and may run while the engine serves.
 */
public final class BlobSweeper {
    private static final int BATCH = 500;

    private final BlobStore blobs;
    private final List<BlobReferences> holders;
    private final Clock clock;

    public BlobSweeper(BlobStore blobs, List<? extends BlobReferences> holders, Clock clock) {
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.holders = List.copyOf(holders);
        this.clock = Objects.requireNonNull(clock, "clock");
        if (this.holders.isEmpty()) {
            throw new IllegalArgumentException("give at least the metadata store as a holder of blob references");
        }
    }

    /**
     * What one sweep did.
     *
     * @param examined blobs old enough to be considered
     * @param deleted orphans deleted
     */
    public record Result(long examined, long deleted) {}

    /**
     * Deletes every unreferenced blob last put more than {@code minAge} ago.
     *
     * @throws IllegalArgumentException for a negative age
     */
    public Result sweep(Duration minAge) {
        if (minAge.isNegative()) {
            throw new IllegalArgumentException("minAge must not be negative");
        }
        Instant cutoff = clock.instant().minus(minAge);
        long examined = 0;
        long deleted = 0;
        try (Stream<StoredBlob> listed = blobs.list()) {
            Iterator<StoredBlob> it =
                    listed.filter(b -> b.storedAt().isBefore(cutoff)).iterator();
            List<BlobId> batch = new ArrayList<>(BATCH);
            while (it.hasNext()) {
                batch.add(it.next().id());
                if (batch.size() == BATCH || !it.hasNext()) {
                    examined += batch.size();
                    deleted += deleteOrphans(batch, cutoff);
                    batch.clear();
                }
            }
        }
        return new Result(examined, deleted);
    }

    private long deleteOrphans(List<BlobId> batch, Instant cutoff) {
        Set<BlobId> orphans = new HashSet<>(batch);
        for (BlobReferences holder : holders) {
            if (orphans.isEmpty()) {
                return 0;
            }
            orphans.removeAll(holder.referencedBlobs(orphans));
        }
        long deleted = 0;
        for (BlobId orphan : orphans) {
            if (blobs.deleteIfStoredBefore(orphan, cutoff)) {
                deleted++;
            }
        }
        return deleted;
    }
}
