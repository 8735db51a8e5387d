/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server.internal;

import dev.mailcore.server.Protocol;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.IntSupplier;

/** A protocol server behind one listener, seen through what the assembly needs of it. */
public record Endpoint(Protocol protocol, InetAddress address, Runnable starter, IntSupplier port, Runnable stopper)
        implements AutoCloseable {
    /** Binds and serves; returns once the port is bound. */
    public void start() {
        starter.run();
    }

    /** The bound address and port. */
    public InetSocketAddress boundAddress() {
        return new InetSocketAddress(address, port.getAsInt());
    }

    @Override
    public void close() {
        stopper.run();
    }
}
