/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mailcore.api.Account;
import dev.mailcore.api.AccountId;
import dev.mailcore.jmap.JmapLimits;
import java.time.Duration;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@linkplain SessionResource session resource} of each account and base URL, serialized once. Clients fetch it
 * at every start and reconnect, and it changes only when the account it describes does. An entry answers only for an
 * account equal to the one it was built from (compared on every hit, so a renamed account or one with other
 * addresses is rebuilt at once) and for its own base URL; the handler's limits are fixed for its lifetime.
 */
public final class SessionDocuments {
    /** About 2 KB each: a few megabytes at most. */
    private static final int MAX_ENTRIES = 2_000;

    /** The serialized session resource and its {@code state}. */
    public record Document(String state, byte[] json) {}

    private record Key(AccountId account, String baseUrl) {}

    private record Entry(Account account, Document document) {}

    private final JmapLimits limits;
    private final Cache<Key, Entry> entries = Caffeine.newBuilder()
            .maximumSize(MAX_ENTRIES)
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();

    public SessionDocuments(JmapLimits limits) {
        this.limits = limits;
    }

    /** The session resource {@code account} sees below {@code baseUrl}, as it is now. */
    public Document get(Account account, String baseUrl) {
        Key key = new Key(account.id(), baseUrl);
        Entry entry = entries.getIfPresent(key);
        if (entry == null || !entry.account().equals(account)) {
            entry = new Entry(account, build(account, baseUrl));
            entries.put(key, entry);
        }
        return entry.document();
    }

    private Document build(Account account, String baseUrl) {
        ObjectNode session = SessionResource.build(account, baseUrl, limits);
        return new Document(session.get("state").asString(), Json.MAPPER.writeValueAsBytes(session));
    }
}
