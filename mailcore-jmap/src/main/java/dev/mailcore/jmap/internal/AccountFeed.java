/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import dev.mailcore.api.AccountChanged;
import dev.mailcore.api.Subscription;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The open EventSource streams of one account behind one store subscription: a change is encoded once per distinct
 * {@code types} filter and handed to every stream.
 *
 * <p>The store calls its listeners one after the other on one thread, so this listener only encodes and hands the
 * writes to the executor, in slices run in parallel; each stream writes without blocking. Changes fan out one at a
 * time, in the order they came, so a stream sees them in MODSEQ order.
 */
final class AccountFeed implements Consumer<AccountChanged> {
    /** Fewer streams than this are not worth a second thread. */
    private static final int SLICE = 64;

    private final String accountId;
    private final Executor executor;
    private final int parallelism = Runtime.getRuntime().availableProcessors();
    private final Set<EventStream> streams = ConcurrentHashMap.newKeySet();
    private volatile Subscription subscription;

    // Guarded by this.
    private AccountChanged waiting;
    private boolean fanning;

    AccountFeed(String accountId, Executor executor) {
        this.accountId = accountId;
        this.executor = executor;
    }

    void subscribed(Subscription subscription) {
        this.subscription = subscription;
    }

    void add(EventStream stream) {
        streams.add(stream);
    }

    /** Removes a stream; true when none is left, and then the subscription is closed. */
    boolean remove(EventStream stream) {
        streams.remove(stream);
        if (!streams.isEmpty()) {
            return false;
        }
        subscription.close();
        return true;
    }

    int size() {
        return streams.size();
    }

    Set<EventStream> streams() {
        return streams;
    }

    @Override
    public void accept(AccountChanged change) {
        synchronized (this) {
            if (fanning) {
                // Changes that come during a fan-out go out as one, the newest state for every type they touched.
                waiting = waiting == null ? change : EventStream.merged(waiting, change);
                return;
            }
            fanning = true;
        }
        fanOut(change);
    }

    private void fanOut(AccountChanged change) {
        EventStream[] targets = streams.toArray(EventStream[]::new);
        ByteBuffer[] events = new ByteBuffer[targets.length];
        Map<Set<String>, ByteBuffer> encoded = new HashMap<>();
        for (int i = 0; i < targets.length; i++) {
            Set<String> types = targets[i].types();
            if (!encoded.containsKey(types)) {
                // Null when the change touches none of these types: those streams get nothing.
                encoded.put(types, EventStream.encode(accountId, change, types));
            }
            events[i] = encoded.get(types);
        }
        int slices = Math.clamp((targets.length + SLICE - 1) / SLICE, 1, parallelism);
        AtomicInteger running = new AtomicInteger(slices);
        for (int s = 0; s < slices; s++) {
            int from = targets.length * s / slices;
            int to = targets.length * (s + 1) / slices;
            Runnable slice = () -> {
                for (int i = from; i < to; i++) {
                    targets[i].offer(change, events[i]);
                }
                if (running.decrementAndGet() == 0) {
                    next();
                }
            };
            try {
                executor.execute(slice);
            } catch (RejectedExecutionException e) {
                // The server is stopping: write from here, the writes do not block.
                slice.run();
            }
        }
    }

    private void next() {
        AccountChanged change;
        synchronized (this) {
            change = waiting;
            waiting = null;
            if (change == null) {
                fanning = false;
                return;
            }
        }
        fanOut(change);
    }
}
