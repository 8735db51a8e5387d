/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql;

import dev.mailcore.api.spi.MetadataStore;

class PostgresMetadataStoreTest extends SqlMetadataStoreContract {
    @Override
    protected MetadataStore newStore() {
        return TestDatabases.postgres();
    }
}
