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
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The open EventSource streams of one account behind one store subscription: a change is encoded once per distinct
 * {@code types} filter and handed to every stream.
 *
 * <p>Writes do not block, and one costs a few microseconds, less than waking another thread on a busy machine: so the
 * thread that delivers the change (the store's listener thread) writes to the first {@value #INLINE} streams itself,
 * which bounds how long it is held, and hands any further ones to the executor in slices that run in parallel.
 * Changes fan out one at a time, in the order they came; those that come meanwhile go out merged as one, so a stream
 * sees them in MODSEQ order.
 */
final class AccountFeed implements Consumer<AccountChanged> {
    /** Streams written by the thread that delivers the change. */
    static final int INLINE = 1024;

    /** Streams per executor task beyond the first {@link #INLINE}. */
    private static final int SLICE = 1024;

    private final String quotedAccountId;
    private final Executor executor;
    /** Copied on each change of the set, which is rare next to changes of the account: a fan-out reads it as is. */
    private final Set<EventStream> streams = new CopyOnWriteArraySet<>();

    private volatile Subscription subscription;

    // Guarded by this.
    private AccountChanged waiting;
    private boolean fanning;

    AccountFeed(String accountId, Executor executor) {
        this.quotedAccountId = EventSourceEndpoint.quoted(accountId);
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
        fanOutFrom(change);
    }

    /**
     * Fans out {@code first}, then each change that came meanwhile for as long as this thread's writes finish last: a
     * loop, so that a run of changes never deepens the stack. When a slice finishes last, its thread goes on instead.
     */
    private void fanOutFrom(AccountChanged first) {
        for (AccountChanged change = first; change != null; change = next()) {
            if (!fanOut(change)) {
                return;
            }
        }
    }

    /** Writes {@code change} to every stream; true when the writes made on this thread were the last ones. */
    private boolean fanOut(AccountChanged change) {
        EventStream[] targets = streams.toArray(EventStream[]::new);
        ByteBuffer[] events = new ByteBuffer[targets.length];
        Map<Set<String>, ByteBuffer> encoded = new HashMap<>();
        for (int i = 0; i < targets.length; i++) {
            Set<String> types = targets[i].types();
            if (!encoded.containsKey(types)) {
                // Null when the change touches none of these types: those streams get nothing.
                encoded.put(types, EventStream.encode(quotedAccountId, change, types));
            }
            events[i] = encoded.get(types);
        }
        int inline = Math.min(targets.length, INLINE);
        int slices = (targets.length - inline + SLICE - 1) / SLICE;
        AtomicInteger running = new AtomicInteger(1 + slices);
        for (int s = 0; s < slices; s++) {
            int from = inline + s * SLICE;
            Runnable slice = () -> {
                if (write(change, targets, events, from, Math.min(from + SLICE, targets.length), running)) {
                    fanOutFrom(next());
                }
            };
            try {
                executor.execute(slice);
            } catch (RejectedExecutionException e) {
                // The server is stopping: write from here, the writes do not block.
                slice.run();
            }
        }
        return write(change, targets, events, 0, inline, running);
    }

    /** Offers the change to streams {@code from} to {@code to}; true when these were the fan-out's last writes. */
    private boolean write(
            AccountChanged change,
            EventStream[] targets,
            ByteBuffer[] events,
            int from,
            int to,
            AtomicInteger running) {
        for (int i = from; i < to; i++) {
            targets[i].offer(change, events[i]);
        }
        return running.decrementAndGet() == 0;
    }

    /** The change that came during the fan-out just finished, or null when none did and the feed is idle again. */
    private AccountChanged next() {
        synchronized (this) {
            AccountChanged change = waiting;
            waiting = null;
            if (change == null) {
                fanning = false;
            }
            return change;
        }
    }
}
