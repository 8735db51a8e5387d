/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net.internal;

import dev.mailcore.net.ConnectionLimits;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/** Counts a listener's open connections, in total and per client address, against its {@link ConnectionLimits}. */
public final class AddressCounter {
    private final ConnectionLimits limits;
    private final Map<InetAddress, Integer> perAddress = new HashMap<>();
    private int total;

    public AddressCounter(ConnectionLimits limits) {
        this.limits = limits;
    }

    /** Counts a connection from {@code address} if both limits allow it; false (and nothing counted) otherwise. */
    public synchronized boolean tryAcquire(InetAddress address) {
        int fromAddress = perAddress.getOrDefault(address, 0);
        if (total >= limits.total() || fromAddress >= limits.perAddress()) {
            return false;
        }
        total++;
        perAddress.put(address, fromAddress + 1);
        return true;
    }

    /** Forgets a connection counted by {@link #tryAcquire}. */
    public synchronized void release(InetAddress address) {
        total--;
        // Entries go when their count reaches zero, so the map holds only addresses with open connections.
        perAddress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
    }
}
