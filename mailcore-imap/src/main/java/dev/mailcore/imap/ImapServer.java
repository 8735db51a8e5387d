/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap;

import dev.mailcore.api.MailStore;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.imap.internal.ImapConfig;
import dev.mailcore.imap.internal.ImapLiterals;
import dev.mailcore.imap.internal.ImapSession;
import dev.mailcore.imap.internal.Processors;
import dev.mailcore.net.Connection;
import dev.mailcore.net.ConnectionLimits;
import dev.mailcore.net.NetListener;
import dev.mailcore.net.ProtocolFactory;
import dev.mailcore.net.ProtocolHandler;
import dev.mailcore.net.TlsMode;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * An IMAP4rev2 / IMAP4rev1 server over a {@link MailStore}, authenticating against a {@link Directory}.
 *
 * <pre>{@code
 * try (ImapServer imap = ImapServer.builder()
 *         .store(engine)
 *         .directory(directory)
 *         .port(0)
 *         .build()) {
 *     imap.start();
 *     int port = imap.port();
 *     ...
 * }
 * }</pre>
 *
 * <p>Plaintext LOGIN / AUTHENTICATE is allowed on loopback connections and after TLS; elsewhere the server announces
 * LOGINDISABLED unless {@link Builder#allowPlaintextAuth(boolean)} says otherwise.
 */
public final class ImapServer implements AutoCloseable {
    private final NetListener listener;

    private ImapServer(Builder b) {
        ImapConfig config = new ImapConfig(
                b.store,
                b.directory,
                b.allowPlaintextAuth,
                b.authBackoff,
                b.clock,
                b.maxLiteralSize,
                Processors.standard());
        NetListener.Builder net = NetListener.builder()
                .name("mailcore-imap")
                .bindAddress(b.bindAddress)
                .port(b.port)
                .tlsMode(b.tlsMode)
                .idleTimeout(b.idleTimeout)
                .maxLineLength(b.maxLineLength)
                .maxLiteralSize(b.maxLiteralSize)
                .literals(new ImapLiterals())
                .connectionLimits(b.connectionLimits)
                .shutdownGrace(b.shutdownGrace)
                .proxyProtocol(b.trustedProxies)
                .protocol(new ProtocolFactory() {
                    @Override
                    public ProtocolHandler create(Connection connection) {
                        return new ImapSession(connection, config);
                    }

                    @Override
                    public String refusal() {
                        return "* BYE [UNAVAILABLE] too many connections\r\n";
                    }
                });
        if (b.sslContext != null) {
            net.sslContext(b.sslContext);
        }
        this.listener = net.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port and starts serving; returns once the port is bound. */
    public void start() {
        listener.start();
    }

    /** The bound port. */
    public int port() {
        return listener.port();
    }

    /** Stops accepting, says BYE to connected clients after their current command, and closes. */
    @Override
    public void close() {
        listener.close();
    }

    /** Settings of an {@link ImapServer}. */
    public static final class Builder {
        private MailStore store;
        private Directory directory;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port = 143;
        private TlsMode tlsMode = TlsMode.NONE;
        private SSLContext sslContext;
        private Boolean allowPlaintextAuth;
        private Duration authBackoff = Duration.ofSeconds(1);
        private java.time.Clock clock = java.time.Clock.systemUTC();
        private Duration idleTimeout = Duration.ofMinutes(31);
        private int maxLineLength = 64 * 1024;
        private long maxLiteralSize = 64L << 20;
        private ConnectionLimits connectionLimits = ConnectionLimits.unlimited();
        private Duration shutdownGrace = Duration.ofSeconds(5);
        private java.util.Set<InetAddress> trustedProxies = java.util.Set.of();

        private Builder() {}

        /**
         * Expects a PROXY protocol header (v1 or v2) from these load balancers; the client address it names counts for
         * the connection limits and for whether the client is on loopback. Default: off.
         */
        public Builder proxyProtocol(java.util.Set<InetAddress> trustedProxies) {
            this.trustedProxies = java.util.Set.copyOf(trustedProxies);
            return this;
        }

        /** Connections open at once, in total and per client address; over them a client gets {@code * BYE}. */
        public Builder connectionLimits(ConnectionLimits limits) {
            this.connectionLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** How long {@link ImapServer#close()} lets commands in flight finish before closing; default 5 seconds. */
        public Builder shutdownGrace(Duration grace) {
            this.shutdownGrace = Objects.requireNonNull(grace, "grace");
            return this;
        }

        /** The mail store; required. */
        public Builder store(MailStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** The directory that checks passwords; required. */
        public Builder directory(Directory directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** The address to bind; default loopback. */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The port; 0 lets the system choose (see {@link ImapServer#port()}); default 143. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** NONE (default), STARTTLS or IMPLICIT (IMAPS); the latter two need {@link #sslContext}. */
        public Builder tlsMode(TlsMode mode) {
            this.tlsMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        public Builder sslContext(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "context");
            return this;
        }

        /** Whether LOGIN and AUTHENTICATE work without TLS; default: on loopback only. */
        public Builder allowPlaintextAuth(boolean allowed) {
            this.allowPlaintextAuth = allowed;
            return this;
        }

        /** The first pause after a failed login on a connection; it doubles with each failure. Default 1 s. */
        public Builder authBackoff(Duration base) {
            this.authBackoff = Objects.requireNonNull(base, "base");
            return this;
        }

        /** The clock that SEARCH YOUNGER and OLDER (WITHIN) measure against; default the system clock. */
        public Builder clock(java.time.Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long a silent connection stays open; default 31 minutes (IDLE clients re-issue every 29). */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** The longest command line; default 64 KiB. */
        public Builder maxLineLength(int bytes) {
            this.maxLineLength = bytes;
            return this;
        }

        /** The largest literal (APPEND message); default 64 MiB. */
        public Builder maxLiteralSize(long bytes) {
            this.maxLiteralSize = bytes;
            return this;
        }

        public ImapServer build() {
            if (store == null) {
                throw new IllegalStateException("set store(...)");
            }
            if (directory == null) {
                throw new IllegalStateException("set directory(...)");
            }
            return new ImapServer(this);
        }
    }
}
