/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.testing.internal;

import dev.mailcore.api.AccountChanged;
import dev.mailcore.api.AccountId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
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
     * The position of the first event of {@code account} at or after {@code modSeq}: where a change made at that
     * MODSEQ stands among the changes of every account; empty if it was made before this log started.
     */
    public OptionalInt position(AccountId account, long modSeq) {
        lock.lock();
        try {
            for (int i = 0; i < events.size(); i++) {
                AccountChanged event = events.get(i);
                if (event.account().equals(account) && event.modSeq() >= modSeq) {
                    return OptionalInt.of(i);
                }
            }
            return OptionalInt.empty();
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
