/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs search index updates in submission order on one background (virtual) thread, so that the writer who stored a message
 * does not wait for it to be tokenized. The queue is bounded: a producer that finds it full waits (back-pressure)
 * rather than indexing inline, because an inline update could overtake a queued one of the same email (an index
 * after its removal would resurrect it). {@link #awaitDone()} lets a search wait until everything submitted before it
 * is in the index.
 */
final class IndexQueue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexQueue.class);
    private static final Runnable STOP = () -> {};

    private final BlockingQueue<Runnable> tasks;
    /** Held while queuing, so queue order is submission order; the worker never takes it. */
    private final ReentrantLock submitLock = new ReentrantLock();

    private final ReentrantLock progressLock = new ReentrantLock();
    private final Condition progressed = progressLock.newCondition();
    private final AtomicLong submitted = new AtomicLong();
    private final Thread worker;
    private long done;
    private boolean closed;

    IndexQueue(int capacity, String threadName) {
        this.tasks = new ArrayBlockingQueue<>(capacity);
        this.worker = Thread.ofVirtual().name(threadName).unstarted(this::drain);
        worker.start();
    }

    /**
     * Queues an update, waiting while the queue is full. After {@link #close()} the update runs on the caller's
     * thread, so nothing submitted is ever dropped.
     */
    void submit(Runnable task) {
        submitLock.lock();
        try {
            if (closed) {
                runLogged(task);
                return;
            }
            putUninterruptibly(task);
            submitted.incrementAndGet();
        } finally {
            submitLock.unlock();
        }
    }

    /** Waits until every update submitted before this call has run. */
    void awaitDone() {
        long target = submitted.get();
        progressLock.lock();
        try {
            boolean interrupted = false;
            while (done < target && worker.isAlive()) {
                try {
                    progressed.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        } finally {
            progressLock.unlock();
        }
    }

    /** Runs what is queued, then stops the thread. Later updates run on the caller's thread. */
    @Override
    public void close() {
        submitLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            putUninterruptibly(STOP);
        } finally {
            submitLock.unlock();
        }
        boolean interrupted = false;
        while (worker.isAlive()) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void putUninterruptibly(Runnable task) {
        boolean interrupted = false;
        while (true) {
            try {
                tasks.put(task);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        while (true) {
            Runnable task;
            try {
                task = tasks.take();
            } catch (InterruptedException e) {
                continue;
            }
            if (task != STOP) {
                runLogged(task);
            }
            progressLock.lock();
            try {
                if (task != STOP) {
                    done++;
                }
                progressed.signalAll();
            } finally {
                progressLock.unlock();
            }
            if (task == STOP) {
                return;
            }
        }
    }

    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // The email stays out of the index (or in it, for a removal) until the account is reindexed.
            LOG.error("Search index update failed; reindex the account to repair the index", e);
        }
    }
}
