/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql;

import java.nio.file.Path;
import java.util.List;

/** The embedded default: an H2 file database in the data directory, as {@link SqlMetadataStore#h2} opens it. */
class H2CrashConsistencyTest extends CrashConsistencyContract {
    @Override
    List<String> databaseArguments(Path dataDir) {
        return List.of();
    }

    @Override
    SqlMetadataStore openDatabase(Path dataDir) {
        return SqlMetadataStore.h2(dataDir);
    }
}
