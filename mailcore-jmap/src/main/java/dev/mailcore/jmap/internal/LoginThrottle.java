/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The delay before answering a failed login, per client address: doubling from a base up to a maximum, forgotten
 * after a success or a quiet while. HTTP has no connection to hang the count on, so the address carries it.
 */
public final class LoginThrottle {
    private static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant last) {}

    private final Duration base;
    private final Duration max;
    private final Clock clock;
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    public LoginThrottle(Duration base, Duration max, Clock clock) {
        this.base = base;
        this.max = max;
        this.clock = clock;
    }

    /** Records a failure from {@code address} and returns how long to wait before answering it. */
    public Duration failed(String address) {
        Instant now = clock.instant();
        if (byAddress.size() > MAX_TRACKED) {
            byAddress.values().removeIf(f -> f.last().plus(FORGET_AFTER).isBefore(now));
        }
        Failures failures = byAddress.compute(address, (a, f) -> {
            int count = f == null || f.last().plus(FORGET_AFTER).isBefore(now) ? 1 : f.count() + 1;
            return new Failures(count, now);
        });
        Duration delay = base.multipliedBy(1L << Math.min(failures.count() - 1, 20));
        return delay.compareTo(max) > 0 ? max : delay;
    }

    public void succeeded(String address) {
        byAddress.remove(address);
    }
}
