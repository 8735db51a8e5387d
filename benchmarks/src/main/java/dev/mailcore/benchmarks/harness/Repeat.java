/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks.harness;

import java.time.Duration;

/** Runs an operation a bounded number of times within a bounded time and collects its latencies. */
final class Repeat {

    /** One run of a measured operation; returns the nanoseconds it took. */
    @FunctionalInterface
    interface Measured {
        long nanos() throws Exception;
    }

    private Repeat() {}

    /**
     * Runs {@code warmup} unmeasured then up to {@code runs} measured times, stopping early when {@code limit} has
     * passed since the start.
     */
    static LatencyStats measure(int warmup, int runs, Duration limit, Measured operation) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        for (int i = 0; i < warmup && System.nanoTime() < deadline; i++) {
            operation.nanos();
        }
        Samples samples = new Samples();
        for (int i = 0; i < runs && System.nanoTime() < deadline; i++) {
            samples.add(operation.nanos());
        }
        return samples.stats();
    }
}
