/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql;

import dev.mailcore.store.tck.EngineAdapters;
import dev.mailcore.store.tck.MailboxesContract;

class PostgresEngineMailboxesTest extends MailboxesContract {
    @Override
    protected EngineAdapters adapters() {
        return new SqlEngineAdapters(TestDatabases::postgres);
    }
}
