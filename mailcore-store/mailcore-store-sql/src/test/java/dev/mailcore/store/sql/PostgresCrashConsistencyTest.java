/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql;

import java.nio.file.Path;
import java.util.List;

class PostgresCrashConsistencyTest extends CrashConsistencyContract {
    /** One schema for all runs: the killed processes and the checks after them share the database. */
    private final TestDatabases.PostgresSchema database = TestDatabases.newPostgresSchema();

    @Override
    List<String> databaseArguments(Path dataDir) {
        return List.of(database.url(), database.user(), database.password() == null ? "" : database.password());
    }

    @Override
    SqlMetadataStore openDatabase(Path dataDir) {
        return TestDatabases.open(database);
    }
}
