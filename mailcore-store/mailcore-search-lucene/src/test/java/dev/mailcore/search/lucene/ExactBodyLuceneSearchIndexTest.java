/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.search.lucene;

import dev.mailcore.api.spi.SearchIndex;
import dev.mailcore.store.tck.SearchIndexContract;

/** The contract again, with the body indexed for exact substrings. */
class ExactBodyLuceneSearchIndexTest extends SearchIndexContract {
    @Override
    protected SearchIndex newIndex() {
        return LuceneSearchIndex.builder().inMemory().exactBodySubstrings(true).build();
    }
}
