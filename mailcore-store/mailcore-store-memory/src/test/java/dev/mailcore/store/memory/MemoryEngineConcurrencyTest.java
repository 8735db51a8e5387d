/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory;

import dev.mailcore.store.tck.ConcurrencyContract;
import dev.mailcore.store.tck.EngineAdapters;

class MemoryEngineConcurrencyTest extends ConcurrencyContract {
    @Override
    protected EngineAdapters adapters() {
        return new MemoryEngineAdapters();
    }
}
