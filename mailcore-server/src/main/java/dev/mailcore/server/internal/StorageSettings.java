/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server.internal;

import dev.mailcore.api.spi.Directory;
import dev.mailcore.server.SearchKind;
import dev.mailcore.server.StoreKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What {@link Storage} opens. {@code dataDirectory}, {@code jdbcUrl}, {@code jdbcUser}, {@code jdbcPassword},
 * {@code hostDirectory}, {@code maxMessageSize} and {@code connectionTimeout} (the store's default) may be null;
 * {@code users} maps full addresses to passwords; a zero {@code blobSweepInterval} sweeps never.
 */
public record StorageSettings(
        StoreKind store,
        Path dataDirectory,
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        SearchKind search,
        Directory hostDirectory,
        String defaultDomain,
        Map<String, String> users,
        Long maxMessageSize,
        Duration authCacheTtl,
        Duration connectionTimeout,
        Duration blobSweepInterval) {}
