/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net;

import dev.mailcore.net.internal.AddressCounter;
import dev.mailcore.net.internal.Framer;
import dev.mailcore.net.internal.IoProcessorPool;
import dev.mailcore.net.internal.MinaConnection;
import dev.mailcore.net.internal.MinaHandler;
import dev.mailcore.net.internal.ProxyProtocolFilter;
import dev.mailcore.net.internal.SpoolWriter;
import dev.mailcore.net.internal.TlsFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;

/**
 * A TCP listener for a line protocol: accepts connections, frames their bytes into lines and literals, and hands
 * requests to a {@link ProtocolHandler} that runs on virtual threads, in order per connection.
 *
 * <pre>{@code
 * NetListener listener = NetListener.builder()
 *         .port(0)
 *         .tlsMode(TlsMode.STARTTLS)
 *         .sslContext(SelfSignedCertificate.generate().serverContext())
 *         .protocol(connection -> new MyProtocol(connection))
 *         .build();
 * listener.start();
 * int port = listener.port();
 * ...
 * listener.close();
 * }</pre>
 */
public final class NetListener implements AutoCloseable {
    private final Builder settings;
    private final IoProcessorPool ioThreads;
    private final NioSocketAcceptor acceptor;
    private final ExecutorService executor;
    private final AddressCounter counter;
    private volatile boolean started;
    private boolean closed;

    private NetListener(Builder settings) {
        this.settings = settings;
        this.counter = new AddressCounter(settings.connectionLimits);
        this.ioThreads = new IoProcessorPool(settings.ioThreads, settings.name);
        this.acceptor = new NioSocketAcceptor(ioThreads);
        this.executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name(settings.name + "-", 0).factory());
    }

    /** A builder with defaults: loopback, port 0, no TLS, 8 KiB lines, 64 MiB literals, 30 minutes idle. */
    public static Builder builder() {
        return new Builder();
    }

    /** Binds and starts accepting; returns when the port is bound. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        acceptor.setReuseAddress(true);
        acceptor.getSessionConfig().setTcpNoDelay(true);
        acceptor.getSessionConfig()
                .setIdleTime(IdleStatus.READER_IDLE, (int) Math.max(1, settings.idleTimeout.toSeconds()));
        if (settings.tlsMode == TlsMode.IMPLICIT) {
            acceptor.getFilterChain().addFirst("tls", new TlsFilter(settings.sslContext));
        }
        if (!settings.trustedProxies.isEmpty()) {
            // Before TLS: a proxy's header comes ahead of the client's handshake.
            acceptor.getFilterChain().addFirst("proxy", new ProxyProtocolFilter(settings.trustedProxies));
        }
        boolean implicit = settings.tlsMode == TlsMode.IMPLICIT;
        SSLContext startTls = settings.tlsMode == TlsMode.STARTTLS ? settings.sslContext : null;
        acceptor.setHandler(new MinaHandler(session -> new MinaConnection(
                session,
                new Framer(
                        settings.maxLineLength,
                        settings.maxLiteralSize,
                        settings.literalMemoryThreshold,
                        new SpoolWriter(settings.spoolDirectory, executor),
                        settings.literals),
                executor,
                startTls,
                implicit,
                settings.protocol,
                counter)));
        try {
            acceptor.bind(new InetSocketAddress(settings.bindAddress, settings.port));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + settings.bindAddress + ":" + settings.port, e);
        }
        started = true;
    }

    /** The bound port (the chosen one when the builder said 0). */
    public int port() {
        if (!started) {
            throw new IllegalStateException("not started");
        }
        return acceptor.getLocalAddress().getPort();
    }

    /** The bound address. */
    public InetSocketAddress address() {
        return acceptor.getLocalAddress();
    }

    /** The number of open connections. */
    public int connectionCount() {
        return acceptor.getManagedSessionCount();
    }

    /**
     * Stops accepting, tells each protocol it is shutting down (after the commands it already received), waits up to
     * {@code grace} for the connections to close, then closes the rest.
     */
    public synchronized void close(Duration grace) {
        if (closed) {
            return;
        }
        closed = true;
        if (!started) {
            executor.close();
            acceptor.dispose();
            ioThreads.dispose();
            return;
        }
        started = false;
        acceptor.setCloseOnDeactivation(false);
        acceptor.unbind();
        MinaHandler.each(acceptor.getManagedSessions().values(), MinaConnection::shutdown);
        long deadline = System.nanoTime() + grace.toNanos();
        while (acceptor.getManagedSessionCount() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        acceptor.getManagedSessions().values().forEach(session -> session.closeNow());
        acceptor.dispose(true);
        ioThreads.dispose();
        executor.shutdown();
    }

    /** {@link #close(Duration)} with the builder's {@linkplain Builder#shutdownGrace grace} (default five seconds). */
    @Override
    public void close() {
        close(settings.shutdownGrace);
    }

    /** Settings of a {@link NetListener}; each may be set once. */
    public static final class Builder {
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port;
        private TlsMode tlsMode = TlsMode.NONE;
        private SSLContext sslContext;
        private int maxLineLength = 8192;
        private long maxLiteralSize = 64L << 20;
        private int literalMemoryThreshold = 256 << 10;
        private Path spoolDirectory;
        private Duration idleTimeout = Duration.ofMinutes(30);
        private int ioThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
        private LiteralAnnouncer literals = LiteralAnnouncer.NONE;
        private ProtocolFactory protocol;
        private String name = "mailcore-net";
        private ConnectionLimits connectionLimits = ConnectionLimits.unlimited();
        private Duration shutdownGrace = Duration.ofSeconds(5);
        private Set<InetAddress> trustedProxies = Set.of();

        private Builder() {}

        /** The address to bind; default loopback. */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The port; 0 (the default) lets the system choose, see {@link NetListener#port()}. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535");
            }
            this.port = port;
            return this;
        }

        public Builder tlsMode(TlsMode mode) {
            this.tlsMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** The server's TLS context; required for {@link TlsMode#STARTTLS} and {@link TlsMode#IMPLICIT}. */
        public Builder sslContext(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "context");
            return this;
        }

        /** The longest line accepted, without CRLF; longer lines are reported as {@link Frame.TooLong}. */
        public Builder maxLineLength(int bytes) {
            this.maxLineLength = positive(bytes);
            return this;
        }

        public Builder maxLiteralSize(long bytes) {
            this.maxLiteralSize = positive(bytes);
            return this;
        }

        /** Literals up to this size stay in memory; larger ones go to a temp file. */
        public Builder literalMemoryThreshold(int bytes) {
            this.literalMemoryThreshold = positive(bytes);
            return this;
        }

        /** Where large literals are spooled; default the system temp directory. */
        public Builder spoolDirectory(Path directory) {
            this.spoolDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** A connection that sends nothing for this long is closed. */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public Builder ioThreads(int threads) {
            this.ioThreads = positive(threads);
            return this;
        }

        /** How lines announce literals; default none. */
        public Builder literals(LiteralAnnouncer announcer) {
            this.literals = Objects.requireNonNull(announcer, "announcer");
            return this;
        }

        /** The protocol; required. */
        public Builder protocol(ProtocolFactory factory) {
            this.protocol = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** Connections open at once, in total and per client address; default unlimited. */
        public Builder connectionLimits(ConnectionLimits limits) {
            this.connectionLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * How long {@link NetListener#close()} lets commands in flight finish and clients read the protocol's goodbye
         * before it closes the remaining connections; default five seconds.
         */
        public Builder shutdownGrace(Duration grace) {
            this.shutdownGrace = Objects.requireNonNull(grace, "grace");
            return this;
        }

        /**
         * Expects the PROXY protocol header (version 1 or 2) on connections from these addresses, the load balancers
         * in front of the listener; the client address it names becomes the {@linkplain Connection#remoteAddress()
         * connection's} for limits, back-off and logs. Connections from other addresses are served as direct clients.
         * Default: none, the PROXY protocol is off.
         */
        public Builder proxyProtocol(Set<InetAddress> trustedProxies) {
            this.trustedProxies = Set.copyOf(trustedProxies);
            return this;
        }

        /**
         * Applies the listener's part of a server's shared settings: bind address, port, TLS mode and context, idle
         * timeout, connection limits, shutdown grace and trusted proxies.
         */
        public Builder settings(ListenerSettings settings) {
            bindAddress(settings.bindAddress());
            port(settings.port());
            tlsMode(settings.tlsMode());
            if (settings.sslContext() != null) {
                sslContext(settings.sslContext());
            }
            idleTimeout(settings.idleTimeout());
            connectionLimits(settings.connectionLimits());
            shutdownGrace(settings.shutdownGrace());
            return proxyProtocol(settings.trustedProxies());
        }

        /** A name for threads and logs. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        public NetListener build() {
            if (protocol == null) {
                throw new IllegalStateException("set protocol(...)");
            }
            if (tlsMode != TlsMode.NONE && sslContext == null) {
                throw new IllegalStateException("TLS mode " + tlsMode + " needs sslContext(...)");
            }
            return new NetListener(this);
        }

        private static long positive(long value) {
            if (value <= 0) {
                throw new IllegalArgumentException("must be positive: " + value);
            }
            return value;
        }

        private static int positive(int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("must be positive: " + value);
            }
            return value;
        }
    }
}
