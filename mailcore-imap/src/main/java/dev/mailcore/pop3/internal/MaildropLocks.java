/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.pop3.internal;

import dev.mailcore.api.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The maildrops one server has open (RFC 1939 section 8: a session holds an exclusive lock on its maildrop), and
 * when each account last logged in, for LOGIN-DELAY. A lock belongs to the session that took it, so a late release
 * by a finished session never frees a newer session's lock. Thread-safe.
 */
public final class MaildropLocks {
    private final ConcurrentMap<AccountId, Object> holders = new ConcurrentHashMap<>();
    private final ConcurrentMap<AccountId, Instant> lastLogins = new ConcurrentHashMap<>();

    /** Locks the account's maildrop for {@code owner}; false when another session holds it. */
    public boolean lock(AccountId account, Object owner) {
        return holders.putIfAbsent(account, owner) == null;
    }

    /** Releases the lock if {@code owner} holds it. */
    public void release(AccountId account, Object owner) {
        holders.remove(account, owner);
    }

    /**
     * Records a login at {@code now} unless the previous one was less than {@code delay} ago; returns whether the
     * login may go ahead. A null delay never refuses.
     */
    public boolean login(AccountId account, Instant now, Duration delay) {
        if (delay == null) {
            return true;
        }
        boolean[] allowed = {true};
        lastLogins.compute(account, (id, last) -> {
            if (last != null && now.isBefore(last.plus(delay))) {
                allowed[0] = false;
                return last;
            }
            return now;
        });
        return allowed[0];
    }
}
