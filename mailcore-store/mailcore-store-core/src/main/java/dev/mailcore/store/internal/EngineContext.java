/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import dev.mailcore.api.spi.BlobStore;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.api.spi.EventBus;
import dev.mailcore.api.spi.MetadataStore;
import dev.mailcore.api.spi.SearchIndex;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

/**
 * What every part of the engine shares: the SPIs and the settings. Immutable.
 *
 * @param directory may be null: then every account is unlimited
 * @param zone the time zone of calendar-day search criteria
 * @param maxMessageSize the largest message accepted, in octets
 * @param spoolThreshold messages up to this size are spooled in memory, larger ones to {@code spoolDirectory}
 */
public record EngineContext(
        MetadataStore metadata,
        BlobStore blobs,
        SearchIndex index,
        Directory directory,
        EventBus events,
        Clock clock,
        ZoneId zone,
        IdFactory ids,
        long maxMessageSize,
        int spoolThreshold,
        Path spoolDirectory) {}
