/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A message in an {@link dev.mailcore.api.spi.OutboundQueue}.
 *
 * @param id the queue's id for it, unique in the queue
 * @param envelope sender, recipients and DSN parameters
 * @param blob where the message's bytes are kept
 * @param size the message's length in octets
 * @param enqueuedAt when it was queued
 */
public record QueuedMessage(String id, OutboundEnvelope envelope, BlobId blob, long size, Instant enqueuedAt) {
    public QueuedMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(blob, "blob");
        Objects.requireNonNull(enqueuedAt, "enqueuedAt");
    }
}
