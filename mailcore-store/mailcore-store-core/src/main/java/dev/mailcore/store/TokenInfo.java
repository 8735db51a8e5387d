/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A token a {@link TokenIssuer} accepts, without the token itself: what an administrator lists and revokes.
 *
 * @param id names the token in {@link TokenIssuer#revokeTokenId}; random, it tells nothing about the token
 * @param created when the token was created or added
 */
public record TokenInfo(String id, Instant created) {
    public TokenInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
    }
}
