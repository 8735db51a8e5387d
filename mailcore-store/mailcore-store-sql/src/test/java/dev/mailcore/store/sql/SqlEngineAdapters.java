/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql;

import dev.mailcore.api.spi.MetadataStore;
import dev.mailcore.store.memory.MemoryEngineAdapters;
import java.util.function.Supplier;

/** The SQL metadata store with the in-memory blob store, scan index, event bus and directory. */
final class SqlEngineAdapters extends MemoryEngineAdapters {
    private final Supplier<MetadataStore> metadata;

    SqlEngineAdapters(Supplier<MetadataStore> metadata) {
        this.metadata = metadata;
    }

    @Override
    public MetadataStore newMetadataStore() {
        return metadata.get();
    }
}
