/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql;

import dev.mailcore.api.spi.BlobStore;
import dev.mailcore.store.tck.BlobStoreContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

class PostgresBlobStoreTest extends BlobStoreContract {
    private SqlMetadataStore metadata;

    @Override
    protected BlobStore newStore() {
        metadata = TestDatabases.postgres();
        return new SqlBlobStore(metadata, Clock.systemUTC());
    }

    @AfterEach
    void closeMetadata() {
        metadata.close();
    }
}
