/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql;

import dev.mailcore.store.tck.ConcurrencyContract;
import dev.mailcore.store.tck.EngineAdapters;

class H2EngineConcurrencyTest extends ConcurrencyContract {
    @Override
    protected EngineAdapters adapters() {
        return new SqlEngineAdapters(TestDatabases::h2);
    }
}
