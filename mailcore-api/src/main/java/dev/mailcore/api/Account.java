/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

import java.util.Objects;
import java.util.Set;

/**
 * An account as the directory knows it.
 *
 * @param id the stable account id
 * @param login the name a user logs in with
 * @param primaryAddress the main email address
 * @param addresses every address delivered to this account, the primary one included (lowercase)
 * @param quota the account's limits
 */
public record Account(AccountId id, String login, String primaryAddress, Set<String> addresses, Quota quota) {
    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(primaryAddress, "primaryAddress");
        addresses = Set.copyOf(addresses);
        Objects.requireNonNull(quota, "quota");
    }
}
