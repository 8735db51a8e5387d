/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.tck;

import dev.mailcore.api.Quota;
import dev.mailcore.api.spi.BlobStore;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.api.spi.EventBus;
import dev.mailcore.api.spi.MetadataStore;
import dev.mailcore.api.spi.SearchIndex;

/** How an adapter module makes the SPIs the engine contract suites run the engine on; each call makes a fresh one. */
public interface EngineAdapters {
    MetadataStore newMetadataStore();

    BlobStore newBlobStore();

    SearchIndex newSearchIndex();

    EventBus newEventBus();

    /** A directory holding one user with the given quota. */
    Directory newDirectory(String login, String password, Quota quota);
}
