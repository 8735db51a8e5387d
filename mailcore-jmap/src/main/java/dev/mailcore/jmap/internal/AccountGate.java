/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import dev.mailcore.api.AccountId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/** Counts what one account runs at once, so that {@code maxConcurrentRequests} and the like hold. */
public final class AccountGate {
    private final int permits;
    private final Map<AccountId, Semaphore> semaphores = new ConcurrentHashMap<>();

    public AccountGate(int permits) {
        this.permits = permits;
    }

    /** Takes a slot without waiting; false when the account already runs as many as allowed. */
    public boolean tryEnter(AccountId account) {
        return semaphores.computeIfAbsent(account, a -> new Semaphore(permits)).tryAcquire();
    }

    public void leave(AccountId account) {
        semaphores.get(account).release();
    }
}
