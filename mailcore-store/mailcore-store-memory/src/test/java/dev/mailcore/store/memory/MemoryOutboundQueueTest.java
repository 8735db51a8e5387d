/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory;

import dev.mailcore.api.spi.OutboundQueue;
import dev.mailcore.store.tck.OutboundQueueContract;

class MemoryOutboundQueueTest extends OutboundQueueContract {
    @Override
    protected OutboundQueue newQueue() {
        return new MemoryOutboundQueue();
    }
}
