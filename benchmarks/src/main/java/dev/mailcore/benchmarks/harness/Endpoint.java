/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks.harness;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A server address on this machine. The harness opens many connections as fast as it can, so it refuses any host that
 * is not a loopback address: it must never load someone else's server.
 */
record Endpoint(InetAddress address, int port) {

    Endpoint {
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("only loopback addresses are allowed, not " + address);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Parses {@code HOST:PORT} where HOST is {@code 127.0.0.1}, {@code localhost} or {@code [::1]}. */
    static Endpoint parse(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("expected HOST:PORT, got " + hostAndPort);
        }
        String host = hostAndPort.substring(0, colon).replace("[", "").replace("]", "");
        if (!host.equals("localhost") && !host.startsWith("127.") && !host.equals("::1")) {
            throw new IllegalArgumentException("only 127.0.0.1 (loopback) is allowed, not " + host);
        }
        try {
            return new Endpoint(InetAddress.getByName(host), Integer.parseInt(hostAndPort.substring(colon + 1)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve " + host, e);
        }
    }

    @Override
    public String toString() {
        return address.getHostAddress() + ":" + port;
    }
}
