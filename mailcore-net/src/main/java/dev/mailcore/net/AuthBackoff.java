/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net;

import java.time.Duration;

/**
 * The delay a connection waits after each failed authentication: doubling from a base to a maximum, so password
 * guessing on one connection gets slow while a typo costs little. One instance per connection; not thread-safe.
 *
 * <pre>{@code
 * Duration pause = backoff.failed();
 * Thread.sleep(pause); // on the connection's virtual thread
 * }</pre>
 */
public final class AuthBackoff {
    private final Duration base;
    private final Duration max;
    private int failures;

    public AuthBackoff(Duration base, Duration max) {
        this.base = base;
        this.max = max;
    }

    /** {@code base} doubling with each failure, up to 16 times {@code base}: the servers' back-off. */
    public static AuthBackoff doubling(Duration base) {
        return new AuthBackoff(base, base.multipliedBy(16));
    }

    /** One second doubling up to 16 seconds. */
    public static AuthBackoff standard() {
        return new AuthBackoff(Duration.ofSeconds(1), Duration.ofSeconds(16));
    }

    /** Records a failure; returns how long to wait before answering it. */
    public Duration failed() {
        failures++;
        Duration delay = base.multipliedBy(1L << Math.min(failures - 1, 20));
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** The number of failures so far. */
    public int failures() {
        return failures;
    }

    /** Forgets the failures (after a success). */
    public void reset() {
        failures = 0;
    }
}
