/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks.harness;

import java.util.Arrays;

/**
 * Percentiles of one measured operation, in milliseconds, from a sorted array of samples (nearest-rank method).
 *
 * @param samples how many runs were measured
 * @param p50 median
 * @param p90 90th percentile
 * @param p99 99th percentile
 * @param min fastest run
 * @param max slowest run
 */
record LatencyStats(int samples, double p50, double p90, double p99, double min, double max) {

    static LatencyStats of(long[] nanos) {
        if (nanos.length == 0) {
            return new LatencyStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new LatencyStats(
                sorted.length,
                millis(rank(sorted, 0.50)),
                millis(rank(sorted, 0.90)),
                millis(rank(sorted, 0.99)),
                millis(sorted[0]),
                millis(sorted[sorted.length - 1]));
    }

    private static long rank(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }
}
