/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.search.lucene;

import dev.mailcore.api.spi.SearchIndex;
import dev.mailcore.store.tck.SearchIndexContract;

class LuceneSearchIndexTest extends SearchIndexContract {
    @Override
    protected SearchIndex newIndex() {
        return LuceneSearchIndex.inMemory();
    }
}
