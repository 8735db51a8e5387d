/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory.internal;

import dev.mailcore.api.AccountChanged;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A subscribed event listener that can be switched off. Delivery and {@link #deactivate()} take the same lock, so
 * once {@code deactivate()} returns no call is running or will start (unless the listener deactivates itself from
 * inside a call, which the reentrant lock allows).
 */
public final class Listener {
    private final Consumer<AccountChanged> consumer;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean active = true;

    public Listener(Consumer<AccountChanged> consumer) {
        this.consumer = consumer;
    }

    /** Passes the event on if still active; exceptions from the listener propagate. */
    public void accept(AccountChanged event) {
        lock.lock();
        try {
            if (active) {
                consumer.accept(event);
            }
        } finally {
            lock.unlock();
        }
    }

    public void deactivate() {
        lock.lock();
        try {
            active = false;
        } finally {
            lock.unlock();
        }
    }
}
