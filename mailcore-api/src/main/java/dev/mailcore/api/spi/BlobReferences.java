/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.spi;

import dev.mailcore.api.BlobId;
import java.util.Collection;
import java.util.Set;

/**
 * Something that keeps blob ids in a {@link BlobStore} and must be asked before a blob is reclaimed: the metadata
 * store (emails of every account) and the outbound queue (queued messages). A blob that no holder references is an
 * orphan, left by an append or enqueue that failed after its put, or by emails and queued messages that are gone.
 */
public interface BlobReferences {
    /**
     * The ids among {@code candidates} that are referenced now, across all accounts. Safe from any thread; reads
     * committed state.
     */
    Set<BlobId> referencedBlobs(Collection<BlobId> candidates);
}
