/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory;

import dev.mailcore.api.BlobId;
import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.api.OutboundEnvelope;
import dev.mailcore.api.QueuedMessage;
import dev.mailcore.api.spi.BlobStore;
import dev.mailcore.api.spi.OutboundQueue;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An {@link OutboundQueue} in the heap, for tests and demos; the message bytes go to a {@link BlobStore}. Nothing
 * survives the JVM, so it is exempt from the durability rule.
 *
 * <pre>{@code
 * OutboundQueue queue = new MemoryOutboundQueue(new MemoryBlobStore(), Clock.systemUTC());
 * }</pre>
 */
public final class MemoryOutboundQueue implements OutboundQueue {
    private final BlobStore blobs;
    private final Clock clock;
    private final Map<String, QueuedMessage> queued = new LinkedHashMap<>();
    private long next;

    public MemoryOutboundQueue(BlobStore blobs, Clock clock) {
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A queue with its own in-memory blob store and the system clock. */
    public MemoryOutboundQueue() {
        this(new MemoryBlobStore(), Clock.systemUTC());
    }

    @Override
    public QueuedMessage enqueue(OutboundEnvelope envelope, InputStream message) {
        Objects.requireNonNull(envelope, "envelope");
        var blob = blobs.put(message);
        long size = blobs.size(blob);
        synchronized (queued) {
            QueuedMessage entry = new QueuedMessage("q" + (++next), envelope, blob, size, clock.instant());
            queued.put(entry.id(), entry);
            return entry;
        }
    }

    @Override
    public List<QueuedMessage> list(int limit) {
        synchronized (queued) {
            return new ArrayList<>(queued.values()).stream().limit(limit).toList();
        }
    }

    @Override
    public Optional<QueuedMessage> peek(String id) {
        synchronized (queued) {
            return Optional.ofNullable(queued.get(id));
        }
    }

    @Override
    public InputStream open(String id) {
        QueuedMessage entry = peek(id).orElseThrow(() -> new MailException(ErrorReason.NOT_FOUND, "not queued: " + id));
        return blobs.open(entry.blob());
    }

    @Override
    public Set<BlobId> referencedBlobs(Collection<BlobId> candidates) {
        Set<BlobId> wanted = Set.copyOf(candidates);
        synchronized (queued) {
            return queued.values().stream()
                    .map(QueuedMessage::blob)
                    .filter(wanted::contains)
                    .collect(Collectors.toSet());
        }
    }

    @Override
    public boolean remove(String id) {
        synchronized (queued) {
            return queued.remove(id) != null;
        }
    }
}
