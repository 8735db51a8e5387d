/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory;

import dev.mailcore.api.AccountChanged;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.Subscription;
import dev.mailcore.api.spi.EventBus;
import dev.mailcore.store.memory.internal.Listener;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EventBus} for one JVM: events go to the listeners of their account on one daemon thread per bus.
 *
 * <pre>{@code
 * EventBus bus = new InJvmEventBus();
 * try (Subscription s = bus.subscribe(account, event -> wakeIdle(event))) {
 *     bus.publish(new AccountChanged(account, 42, Set.of(inbox), false, true));
 * }
 * bus.close();
 * }</pre>
 *
 * <p>{@link #publish} only queues the event, so it never waits for a listener; the queue is unbounded. One thread
 * delivers every event in publication order, which keeps each account's events in order, and exactly once to each
 * listener subscribed when the event was published. A listener that throws is logged and stays subscribed. A slow
 * listener delays the delivery of later events (of every account) but never a publisher. After {@link #close()},
 * events still queued are delivered for up to one second, then the thread stops; publishing or subscribing on a
 * closed bus throws {@link IllegalStateException}.
 */
public final class InJvmEventBus implements EventBus {
    private static final Logger LOG = LoggerFactory.getLogger(InJvmEventBus.class);
    private static final long CLOSE_GRACE_MILLIS = 1_000;

    private final ConcurrentHashMap<AccountId, List<Listener>> listeners = new ConcurrentHashMap<>();
    private final ExecutorService dispatcher;
    private volatile Thread dispatchThread;

    /** Creates a bus and its dispatch thread, named {@code mailcore-event-bus}. */
    public InJvmEventBus() {
        this.dispatcher = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "mailcore-event-bus");
            thread.setDaemon(true);
            dispatchThread = thread;
            return thread;
        });
    }

    @Override
    public void publish(AccountChanged event) {
        Objects.requireNonNull(event, "event");
        List<Listener> targets = listeners.getOrDefault(event.account(), List.of());
        if (targets.isEmpty()) {
            checkOpen();
            return;
        }
        try {
            dispatcher.execute(() -> deliver(targets, event));
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the event bus is closed", e);
        }
    }

    @Override
    public Subscription subscribe(AccountId account, Consumer<AccountChanged> listener) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(listener, "listener");
        checkOpen();
        Listener entry = new Listener(listener);
        listeners.compute(account, (a, current) -> with(current, entry));
        return () -> {
            entry.deactivate();
            listeners.computeIfPresent(account, (a, current) -> without(current, entry));
        };
    }

    /** Stops the dispatch thread after delivering what is queued, waiting at most one second for it. */
    @Override
    public void close() {
        dispatcher.shutdown();
        if (Thread.currentThread() == dispatchThread) {
            return; // a listener closed the bus: waiting for ourselves would never end
        }
        try {
            if (!dispatcher.awaitTermination(CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                List<Runnable> dropped = dispatcher.shutdownNow();
                LOG.warn("event bus closed with a listener still busy; {} queued deliveries dropped", dropped.size());
            }
        } catch (InterruptedException e) {
            dispatcher.shutdownNow();
            Thread.currentThread().interrupt();
        }
        listeners.clear();
    }

    private static void deliver(List<Listener> targets, AccountChanged event) {
        for (Listener listener : targets) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("an event listener of account {} failed; it stays subscribed", event.account(), e);
            }
        }
    }

    private void checkOpen() {
        if (dispatcher.isShutdown()) {
            throw new IllegalStateException("the event bus is closed");
        }
    }

    private static List<Listener> with(List<Listener> current, Listener added) {
        List<Listener> out = current == null ? new ArrayList<>() : new ArrayList<>(current);
        out.add(added);
        return List.copyOf(out);
    }

    private static List<Listener> without(List<Listener> current, Listener removed) {
        List<Listener> out = new ArrayList<>(current);
        out.remove(removed);
        return out.isEmpty() ? null : List.copyOf(out);
    }
}
