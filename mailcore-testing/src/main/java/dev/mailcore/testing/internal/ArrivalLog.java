/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.testing.internal;

import dev.mailcore.api.AccountChanged;
import dev.mailcore.api.AccountId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Remembers the order in which the store announced changes, over all accounts, and wakes threads waiting for mail.
 * The store's listener only appends and signals, so it never blocks the event bus.
 */
public final class ArrivalLog {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<AccountChanged> events = new ArrayList<>();
    private final Map<AccountId, Long> watchedFrom = new HashMap<>();

    /** Notes that events of {@code account} are recorded from now on, when its MODSEQ is {@code modSeq}. */
    public void watch(AccountId account, long modSeq) {
        lock.lock();
        try {
            watchedFrom.put(account, modSeq);
        } finally {
            lock.unlock();
        }
    }

    /** The store's listener: records the event and wakes every waiter. */
    public void record(AccountChanged event) {
        lock.lock();
        try {
            events.add(event);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Where a change made to {@code account} at {@code modSeq} stands among the changes of every account: the
     * position of the first event of the account at or after it; -1 if the change is older than the log, and
     * {@link Integer#MAX_VALUE} if it is durable but not announced yet.
     */
    public int position(AccountId account, long modSeq) {
        lock.lock();
        try {
            if (modSeq <= watchedFrom.getOrDefault(account, 0L)) {
                return -1;
            }
            for (int i = 0; i < events.size(); i++) {
                AccountChanged event = events.get(i);
                if (event.account().equals(account) && event.modSeq() >= modSeq) {
                    return i;
                }
            }
            return Integer.MAX_VALUE;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until {@code condition} holds, checking it again after each change the store announces; returns
     * whether it held before {@code timeout} ran out.
     */
    public boolean awaitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int seen = eventCount();
            if (condition.getAsBoolean()) {
                return true;
            }
            lock.lock();
            try {
                while (events.size() == seen) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    changed.await(left, TimeUnit.NANOSECONDS);
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private int eventCount() {
        lock.lock();
        try {
            return events.size();
        } finally {
            lock.unlock();
        }
    }
}
