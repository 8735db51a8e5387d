/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * The settings every mail protocol server's builder shares: where to listen, TLS, when passwords may be sent, the
 * back-off after failed logins, idle timeout, connection limits, shutdown grace and the PROXY protocol. A server's
 * builder extends it with its own type, so chained calls keep returning that builder.
 *
 * <pre>{@code
 * public static final class Builder extends ListenerBuilder<Builder> {
 *     private Builder() {
 *         super(143, Duration.ofMinutes(31));
 *     }
 * }
 * ...
 * NetListener.builder().settings(builder.listenerSettings())
 * }</pre>
 *
 * @param <B> the server's builder
 */
public abstract class ListenerBuilder<B extends ListenerBuilder<B>> {
    private InetAddress bindAddress = InetAddress.getLoopbackAddress();
    private int port;
    private TlsMode tlsMode = TlsMode.NONE;
    private SSLContext sslContext;
    private Boolean allowPlaintextAuth;
    private Duration idleTimeout;
    private Duration authBackoff = Duration.ofSeconds(1);
    private ConnectionLimits connectionLimits = ConnectionLimits.unlimited();
    private Duration shutdownGrace = Duration.ofSeconds(5);
    private Set<InetAddress> trustedProxies = Set.of();

    /** The protocol's defaults: its port and how long a silent client stays connected. */
    protected ListenerBuilder(int defaultPort, Duration defaultIdleTimeout) {
        this.port = checkedPort(defaultPort);
        this.idleTimeout = Objects.requireNonNull(defaultIdleTimeout, "defaultIdleTimeout");
    }

    /** The address to bind; default loopback. */
    public B bindAddress(InetAddress address) {
        this.bindAddress = Objects.requireNonNull(address, "address");
        return self();
    }

    /** The port; 0 lets the system choose (the server reports the chosen one). Default: the protocol's. */
    public B port(int port) {
        this.port = checkedPort(port);
        return self();
    }

    /** NONE (default), STARTTLS or IMPLICIT; the latter two need {@link #sslContext}. */
    public B tlsMode(TlsMode mode) {
        this.tlsMode = Objects.requireNonNull(mode, "mode");
        return self();
    }

    /** The server's TLS context. */
    public B sslContext(SSLContext context) {
        this.sslContext = Objects.requireNonNull(context, "context");
        return self();
    }

    /** Whether passwords may be sent without TLS; default: from loopback clients only. */
    public B allowPlaintextAuth(boolean allowed) {
        this.allowPlaintextAuth = allowed;
        return self();
    }

    /** A client silent for this long is told goodbye and disconnected. Default: the protocol's. */
    public B idleTimeout(Duration timeout) {
        this.idleTimeout = Objects.requireNonNull(timeout, "timeout");
        return self();
    }

    /** The first pause after a failed login on a connection; it doubles with each failure, 16 times. Default 1 s. */
    public B authBackoff(Duration delay) {
        this.authBackoff = Objects.requireNonNull(delay, "delay");
        return self();
    }

    /**
     * Connections open at once, in total and per client address; a client over them gets the protocol's refusal
     * ({@code * BYE}, {@code 421}, {@code -ERR [SYS/TEMP]}) and is disconnected. Default unlimited.
     */
    public B connectionLimits(ConnectionLimits limits) {
        this.connectionLimits = Objects.requireNonNull(limits, "limits");
        return self();
    }

    /** How long closing the server lets commands in flight finish and clients read the goodbye; default 5 s. */
    public B shutdownGrace(Duration grace) {
        this.shutdownGrace = Objects.requireNonNull(grace, "grace");
        return self();
    }

    /**
     * Expects a PROXY protocol header (v1 or v2) from these load balancers; the client address it names counts for
     * the connection limits, for whether the client is on loopback, and in logs and trace headers. Default: off.
     */
    public B proxyProtocol(Set<InetAddress> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
        return self();
    }

    /**
     * The shared settings as set.
     *
     * @throws IllegalStateException when a TLS mode is set without an SSLContext
     */
    public ListenerSettings listenerSettings() {
        return new ListenerSettings(
                bindAddress,
                port,
                tlsMode,
                sslContext,
                allowPlaintextAuth,
                idleTimeout,
                authBackoff,
                connectionLimits,
                shutdownGrace,
                trustedProxies);
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    private static int checkedPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535");
        }
        return port;
    }
}
