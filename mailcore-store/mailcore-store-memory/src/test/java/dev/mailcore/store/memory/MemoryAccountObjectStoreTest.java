/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory;

import dev.mailcore.api.spi.AccountObjectStore;
import dev.mailcore.store.tck.AccountObjectStoreContract;

class MemoryAccountObjectStoreTest extends AccountObjectStoreContract {
    @Override
    protected AccountObjectStore newStore() {
        return new MemoryAccountObjectStore();
    }
}
