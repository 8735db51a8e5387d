/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql;

import dev.mailcore.api.spi.AccountObjectStore;
import dev.mailcore.store.tck.AccountObjectStoreContract;
import org.junit.jupiter.api.AfterEach;

class PostgresAccountObjectStoreTest extends AccountObjectStoreContract {
    private SqlMetadataStore store;

    @Override
    protected AccountObjectStore newStore() {
        store = TestDatabases.postgres();
        return new SqlAccountObjectStore(store);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}
