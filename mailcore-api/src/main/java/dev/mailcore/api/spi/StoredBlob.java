/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.spi;

import dev.mailcore.api.BlobId;
import java.time.Instant;
import java.util.Objects;

/**
 * A blob as {@link BlobStore#list()} reports it.
 *
 * @param id the blob
 * @param storedAt when the blob was last put: its first put, or a later put of the same bytes
 */
public record StoredBlob(BlobId id, Instant storedAt) {
    public StoredBlob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(storedAt, "storedAt");
    }
}
