/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mailcore.api.AccountId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * {@code Email/query} results by account, state and arguments. Clients ask the same query again while nothing has
 * changed (a list view reopened, a second device, a reconnect); they then get the ids without a new search. Every
 * change of an account's mail moves its state, so an entry can never answer for a state other than its own; entries
 * of past states go when the cache needs the room or after ten minutes unused.
 */
final class QueryResults {
    /** At most this many ids are kept over all entries, so the cache stays within a few megabytes. */
    private static final long MAX_IDS = 500_000;

    private record Key(AccountId account, String state, String filter, String sort, boolean collapseThreads) {}

    private final Cache<Key, List<String>> cache = Caffeine.newBuilder()
            .maximumWeight(MAX_IDS)
            .weigher((Key key, List<String> ids) -> ids.size() + 1)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    /** The ids of the query, from the cache or from {@code search}, which must run at {@code state} or later. */
    List<String> get(
            AccountId account,
            String state,
            JsonNode filter,
            JsonNode sort,
            boolean collapseThreads,
            Supplier<List<String>> search) {
        Key key = new Key(account, state, Objects.toString(filter), Objects.toString(sort), collapseThreads);
        return cache.get(key, k -> search.get());
    }
}
