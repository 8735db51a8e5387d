/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * What every mail protocol server asks of its listener and of authentication, as one value: the part of the IMAP,
 * POP3 and SMTP builders they share. Made by a {@link ListenerBuilder}; {@link NetListener.Builder#settings} applies
 * the listener's part.
 *
 * <pre>{@code
 * ListenerSettings settings = builder.listenerSettings();
 * NetListener.Builder net = NetListener.builder().settings(settings);
 * boolean allowed = connection.allowsPlaintextAuth(settings.allowPlaintextAuth());
 * }</pre>
 *
 * @param sslContext null when the server has no TLS
 * @param allowPlaintextAuth whether passwords may be sent unencrypted; null means from loopback clients only
 * @param authBackoff the pause after the first failed login on a connection; it doubles with each failure
 * @param trustedProxies the load balancers whose PROXY protocol header is expected; empty turns it off
 */
public record ListenerSettings(
        InetAddress bindAddress,
        int port,
        TlsMode tlsMode,
        SSLContext sslContext,
        Boolean allowPlaintextAuth,
        Duration idleTimeout,
        Duration authBackoff,
        ConnectionLimits connectionLimits,
        Duration shutdownGrace,
        Set<InetAddress> trustedProxies) {
    public ListenerSettings {
        trustedProxies = Set.copyOf(trustedProxies);
        if (tlsMode != TlsMode.NONE && sslContext == null) {
            throw new IllegalStateException("TLS mode " + tlsMode + " needs sslContext(...)");
        }
    }
}
