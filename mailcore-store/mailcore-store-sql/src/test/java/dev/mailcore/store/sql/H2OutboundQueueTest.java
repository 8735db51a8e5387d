/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql;

import dev.mailcore.api.spi.OutboundQueue;
import dev.mailcore.store.memory.MemoryBlobStore;
import dev.mailcore.store.tck.OutboundQueueContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

class H2OutboundQueueTest extends OutboundQueueContract {
    private SqlMetadataStore store;

    @Override
    protected OutboundQueue newQueue() {
        store = TestDatabases.h2();
        return new SqlOutboundQueue(store, new MemoryBlobStore(), Clock.systemUTC());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}
