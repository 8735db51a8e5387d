/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mailcore.api.AccountChanged;
import java.util.Optional;
import java.util.Set;

/**
 * The StateChange push message (RFC 8887 §4.3.5) of a change for one set of data types, made once for every WebSocket
 * connection that pushes it: a change of an account reaches each of its connections, and those asking for the same
 * types send the same text.
 */
final class PushMessages {
    /** Changes come and go within milliseconds; this covers every change of a burst with a few filters each. */
    private static final long ENTRIES = 256;

    private record Key(AccountChanged change, Set<String> types) {}

    private final Cache<Key, Optional<String>> made =
            Caffeine.newBuilder().maximumSize(ENTRIES).build();

    /** The message text, or empty when the change touches none of {@code types} (empty stands for every type). */
    Optional<String> of(AccountChanged change, Set<String> types) {
        return made.get(new Key(change, types), key -> {
            String quotedAccountId = EventSourceEndpoint.quoted(change.account().value());
            return Optional.ofNullable(EventSourceEndpoint.stateChange(quotedAccountId, change, types, true));
        });
    }
}
