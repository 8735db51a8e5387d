/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.search.lucene;

import dev.mailcore.api.spi.SearchIndex;
import dev.mailcore.store.memory.MemoryEngineAdapters;
import dev.mailcore.store.tck.EngineAdapters;
import dev.mailcore.store.tck.SearchContract;

/** The engine's search suite with the Lucene index in place of the scan index. */
class LuceneEngineSearchTest extends SearchContract {
    @Override
    protected EngineAdapters adapters() {
        return new MemoryEngineAdapters() {
            @Override
            public SearchIndex newSearchIndex() {
                return LuceneSearchIndex.inMemory();
            }
        };
    }
}
