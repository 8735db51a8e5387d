/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A token a {@link TokenIssuer} accepts, without the token itself: what an administrator lists and revokes.
 *
 * @param id names the token in {@link TokenIssuer#revokeTokenId}; random, it tells nothing about the token
 * @param created when the token was created or added
 * @param expires the instant from which the token is refused; empty for a token that does not expire
 */
public record TokenInfo(String id, Instant created, Optional<Instant> expires) {
    public TokenInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(expires, "expires");
    }

    /** A token that does not expire. */
    public TokenInfo(String id, Instant created) {
        this(id, created, Optional.empty());
    }

    /**
     * Whether the token is refused at {@code now} for its age: a token is accepted strictly before its expiry. The one
     * rule every {@link TokenIssuer} applies.
     */
    public boolean isExpiredAt(Instant now) {
        return expires.isPresent() && !now.isBefore(expires.get());
    }
}
