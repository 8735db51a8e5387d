/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.search.lucene;

import dev.mailcore.api.Quota;
import dev.mailcore.api.spi.BlobStore;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.api.spi.EventBus;
import dev.mailcore.api.spi.MetadataStore;
import dev.mailcore.api.spi.SearchIndex;
import dev.mailcore.store.memory.InJvmEventBus;
import dev.mailcore.store.memory.MemoryBlobStore;
import dev.mailcore.store.memory.MemoryDirectory;
import dev.mailcore.store.memory.MemoryMetadataStore;
import dev.mailcore.store.tck.EngineAdapters;
import dev.mailcore.store.tck.SearchContract;

/** The engine's search suite with the Lucene index in place of the scan index. */
class LuceneEngineSearchTest extends SearchContract {
    @Override
    protected EngineAdapters adapters() {
        return new EngineAdapters() {
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
                return LuceneSearchIndex.inMemory();
            }

            @Override
            public EventBus newEventBus() {
                return new InJvmEventBus();
            }

            @Override
            public Directory newDirectory(String login, String password, Quota quota) {
                return MemoryDirectory.builder()
                        .domain("example.com")
                        .user(login, password)
                        .quota(login, quota)
                        .pbkdf2Iterations(1_000)
                        .build();
            }
        };
    }
}
