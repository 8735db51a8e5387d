/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.spi;

import dev.mailcore.api.BlobId;
import dev.mailcore.api.OutboundEnvelope;
import dev.mailcore.api.QueuedMessage;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Messages accepted for other servers, kept until a delivery agent has delivered or bounced them.
 *
 * <pre>{@code
 * QueuedMessage queued = queue.enqueue(envelope, message);   // durable now: the client may get 250
 * for (QueuedMessage next : queue.list(100)) {
 *     try (InputStream in = queue.open(next.id())) { ... }
 *     queue.remove(next.id());
 * }
 * }</pre>
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>{@link #enqueue} reads the stream to its end (it does not close it) and returns only when the message and
 *       its envelope are durable (an in-memory queue is exempt, and says so). A failed enqueue leaves nothing in the
 *       queue. Failures surface as {@link dev.mailcore.api.MailException} (a storage failure as
 *       {@code UNAVAILABLE}) or {@link java.io.UncheckedIOException} when reading the stream fails.
 *   <li>{@link #list} returns the queued messages oldest first; a message is listed until it is removed.
 *   <li>{@link #open} of an id that is not queued throws {@link dev.mailcore.api.MailException} with reason
 *       {@code NOT_FOUND}.
 *   <li>All methods are safe from any number of threads; two enqueues never share an id.
 * </ul>
 *
 * <p>The suite {@code OutboundQueueContract} in mailcore-store-core's test-jar checks the above.
 */
public interface OutboundQueue extends BlobReferences {
    /** Stores a message with its envelope; durable when it returns. */
    QueuedMessage enqueue(OutboundEnvelope envelope, InputStream message);

    /** At most {@code limit} queued messages, oldest first. */
    List<QueuedMessage> list(int limit);

    /** The queued message with this id, if it is still queued. */
    Optional<QueuedMessage> peek(String id);

    /** The message's bytes; the caller closes the stream. */
    InputStream open(String id);

    /** Takes a message out of the queue; returns whether it was there. */
    boolean remove(String id);

    /** The ids among {@code candidates} that a queued message's bytes are stored under. */
    @Override
    Set<BlobId> referencedBlobs(Collection<BlobId> candidates);
}
