/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap;

import java.net.InetAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A standalone JMAP server: a {@link JmapHandler} on a Jetty server of its own, listening on one port. Requests run
 * on virtual threads. Give it a store and a directory (the handler is built with its defaults), or a handler built
 * with other settings.
 *
 * <pre>{@code
 * try (JmapServer server = JmapServer.builder()
 *         .store(store)
 *         .directory(directory)
 *         .accountObjects(objects)
 *         .port(0)
 *         .build()) {
 *     server.start();
 *     URI session = server.sessionUri();
 * }
 * }</pre>
 */
public final class JmapServer implements AutoCloseable {
    private final JmapHandler handler;
    private final Server server;
    private final ServerConnector connector;

    private JmapServer(Builder builder) {
        this.handler = builder.handler;
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("jmap");
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        this.server = new Server(threads);
        this.connector = new ServerConnector(server);
        connector.setHost(builder.bindAddress.getHostAddress());
        connector.setPort(builder.port);
        server.addConnector(connector);
        server.setHandler(handler);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the port and starts serving.
     *
     * @throws IllegalStateException when the server cannot start, such as for a port in use
     */
    public void start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("the JMAP server could not start: " + e.getMessage(), e);
        }
    }

    /** The bound port (the chosen one when built with port 0); -1 before {@link #start}. */
    public int port() {
        return connector.getLocalPort();
    }

    /** The URL of the session resource, such as {@code http://127.0.0.1:8080/.well-known/jmap}. */
    public URI sessionUri() {
        return URI.create("http://" + hostForUri() + ":" + port() + "/.well-known/jmap");
    }

    /** The URL of the API endpoint. */
    public URI apiUri() {
        return URI.create("http://" + hostForUri() + ":" + port() + handler.basePath() + "/api");
    }

    private String hostForUri() {
        String host = connector.getHost();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the JMAP server did not stop cleanly", e);
        }
    }

    /** Settings of a {@link JmapServer}; {@code handler} is required. */
    public static final class Builder {
        private JmapHandler handler;
        private final JmapHandler.Builder handlerSettings = JmapHandler.builder();
        private boolean handlerSettingsUsed;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port = 8080;

        private Builder() {}

        public Builder handler(JmapHandler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** The store to serve, for a handler with default settings. */
        public Builder store(dev.mailcore.api.MailStore store) {
            handlerSettings.store(store);
            handlerSettingsUsed = true;
            return this;
        }

        /** The directory that authenticates users, for a handler with default settings. */
        public Builder directory(dev.mailcore.api.spi.Directory directory) {
            handlerSettings.directory(directory);
            handlerSettingsUsed = true;
            return this;
        }

        /** Where identities, submissions and vacation responses are kept, for a handler with default settings. */
        public Builder accountObjects(dev.mailcore.api.spi.AccountObjectStore objects) {
            handlerSettings.accountObjects(objects);
            handlerSettingsUsed = true;
            return this;
        }

        /** The address to listen on; loopback by default. */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The port; 0 picks a free one, reported by {@link JmapServer#port()}. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535: " + port);
            }
            this.port = port;
            return this;
        }

        public JmapServer build() {
            if (handler != null && handlerSettingsUsed) {
                throw new IllegalStateException(
                        "set either handler(...) or store(...), directory(...) and accountObjects(...), not both");
            }
            if (handler == null) {
                if (!handlerSettingsUsed) {
                    throw new IllegalStateException(
                            "set store(...), directory(...) and accountObjects(...), or handler(...)");
                }
                handler = handlerSettings.build();
            }
            return new JmapServer(this);
        }
    }
}
