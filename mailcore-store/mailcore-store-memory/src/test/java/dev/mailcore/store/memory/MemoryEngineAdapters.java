/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory;

import dev.mailcore.api.Quota;
import dev.mailcore.api.spi.BlobStore;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.api.spi.EventBus;
import dev.mailcore.api.spi.MetadataStore;
import dev.mailcore.api.spi.SearchIndex;
import dev.mailcore.store.tck.EngineAdapters;

/**
 * The in-memory adapters, for the engine contract suites. Adapter modules that bring one SPI of their own extend it
 * and override that factory.
 */
public class MemoryEngineAdapters implements EngineAdapters {
    @Override
    public MetadataStore newMetadataStore() {
        return new MemoryMetadataStore();
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
