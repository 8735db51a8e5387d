/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net;

/**
 * How many connections a {@link NetListener} keeps open at once: in total and from one client address. A connection
 * over a limit gets the protocol's {@linkplain ProtocolFactory#refusal() refusal} and is closed. Behind a proxy that
 * speaks the PROXY protocol, the address is the client's, not the proxy's.
 *
 * <pre>{@code
 * NetListener.builder().connectionLimits(new ConnectionLimits(10_000, 20))
 * }</pre>
 *
 * @param total connections open at once, at least 1
 * @param perAddress connections open at once from one address, at least 1
 */
public record ConnectionLimits(int total, int perAddress) {
    public ConnectionLimits {
        if (total < 1 || perAddress < 1) {
            throw new IllegalArgumentException("limits must be at least 1");
        }
    }

    /** No limit (the default). */
    public static ConnectionLimits unlimited() {
        return new ConnectionLimits(Integer.MAX_VALUE, Integer.MAX_VALUE);
    }
}
