/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory;

import dev.mailcore.api.spi.MetadataStore;
import dev.mailcore.store.tck.MetadataStoreContract;

class MemoryMetadataStoreTest extends MetadataStoreContract {
    @Override
    protected MetadataStore newStore() {
        return new MemoryMetadataStore();
    }
}
