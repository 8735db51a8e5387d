/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

/**
 * An account: the owner of mailboxes, emails and everything else a user stores.
 *
 * <p>Ids are opaque strings of 1–255 characters from {@code [A-Za-z0-9_-]}, so every protocol can carry them
 * unquoted.
 */
public record AccountId(String value) implements Comparable<AccountId> {
    public AccountId {
        Ids.requireValid(value, "account id");
    }

    public static AccountId of(String value) {
        return new AccountId(value);
    }

    @Override
    public int compareTo(AccountId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
