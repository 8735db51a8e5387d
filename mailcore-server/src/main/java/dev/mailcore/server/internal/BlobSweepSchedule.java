/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server.internal;

import dev.mailcore.store.BlobSweeper;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link BlobSweeper} every {@code interval} on a daemon thread of its own, until closed. The first sweep
 * comes {@link #FIRST_DELAY} after start (or one interval, if shorter): soon enough to reclaim the orphans a crash
 * left, late enough not to compete with the work of starting. A failed sweep (database down) is logged and the next
 * one runs on schedule.
 */
public final class BlobSweepSchedule implements AutoCloseable {
    /** Blobs younger than this are never swept: far longer than any append takes between its put and its commit. */
    public static final Duration MIN_AGE = Duration.ofHours(1);

    static final Duration FIRST_DELAY = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(BlobSweepSchedule.class);

    private final ScheduledExecutorService executor;

    public BlobSweepSchedule(BlobSweeper sweeper, Duration interval) {
        Objects.requireNonNull(sweeper, "sweeper");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        // A platform daemon thread: it never keeps the JVM alive, and shows up where leaked threads are looked for.
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("mailcore-blob-sweep").factory());
        long first = Math.min(FIRST_DELAY.toMillis(), interval.toMillis());
        executor.scheduleWithFixedDelay(() -> sweep(sweeper), first, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void sweep(BlobSweeper sweeper) {
        try {
            BlobSweeper.Result result = sweeper.sweep(MIN_AGE);
            LOG.info(
                    "blob sweep: deleted {} unreferenced blobs of {} older than {}",
                    result.deleted(),
                    result.examined(),
                    MIN_AGE);
        } catch (RuntimeException e) {
            // Thrown out of the task, it would cancel every later sweep.
            LOG.warn("blob sweep failed; the next one runs on schedule: {}", e.toString());
        }
    }

    /** Stops the schedule, interrupting a sweep in progress, and waits for the thread to end. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("the blob sweep did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
