/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql;

import dev.mailcore.store.tck.ChangesContract;
import dev.mailcore.store.tck.EngineAdapters;

class H2EngineChangesTest extends ChangesContract {
    @Override
    protected EngineAdapters adapters() {
        return new SqlEngineAdapters(TestDatabases::h2);
    }
}
