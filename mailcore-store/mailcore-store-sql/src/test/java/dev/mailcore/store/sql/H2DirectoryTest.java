/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql;

class H2DirectoryTest extends SqlDirectoryContract {
    @Override
    protected SqlMetadataStore newStore() {
        return TestDatabases.h2();
    }
}
