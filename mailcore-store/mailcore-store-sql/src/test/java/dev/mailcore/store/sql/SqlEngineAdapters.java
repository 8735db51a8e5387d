/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql;

import dev.mailcore.api.Quota;
import dev.mailcore.api.spi.BlobStore;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.api.spi.EventBus;
import dev.mailcore.api.spi.MetadataStore;
import dev.mailcore.api.spi.SearchIndex;
import dev.mailcore.store.memory.InJvmEventBus;
import dev.mailcore.store.memory.MemoryBlobStore;
import dev.mailcore.store.memory.MemoryDirectory;
import dev.mailcore.store.memory.ScanSearchIndex;
import dev.mailcore.store.tck.EngineAdapters;
import java.util.function.Supplier;

/** The SQL metadata store with the in-memory blob store, scan index, event bus and directory. */
final class SqlEngineAdapters implements EngineAdapters {
    private final Supplier<MetadataStore> metadata;

    SqlEngineAdapters(Supplier<MetadataStore> metadata) {
        this.metadata = metadata;
    }

    @Override
    public MetadataStore newMetadataStore() {
        return metadata.get();
    }

    @Override
    public BlobStore newBlobStore() {
        return new MemoryBlobStore();
    }

    @Override
    public SearchIndex newSearchIndex() {
        return new ScanSearchIndex();
    }

    @Override
    public EventBus newEventBus() {
        return new InJvmEventBus();
    }

    @Override
    public Directory newDirectory(String login, String password, Quota quota) {
        // Few iterations: the suites test quotas, not password hashing.
        return MemoryDirectory.builder()
                .domain("example.com")
                .user(login, password)
                .quota(login, quota)
                .pbkdf2Iterations(1_000)
                .build();
    }
}
