/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory;

import dev.mailcore.api.spi.BlobStore;
import dev.mailcore.store.tck.BlobStoreContract;

class MemoryBlobStoreTest extends BlobStoreContract {
    @Override
    protected BlobStore newStore() {
        return new MemoryBlobStore();
    }
}
