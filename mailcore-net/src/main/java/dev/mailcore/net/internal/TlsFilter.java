/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net.internal;

import java.net.InetSocketAddress;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.ssl.SslFilter;

/**
 * MINA's TLS filter, keeping each session's engine so the protocol can read the negotiated TLS session: MINA's own
 * "secured" attribute and event may arrive after the first decrypted request.
 */
public final class TlsFilter extends SslFilter {
    private static final AttributeKey ENGINE = new AttributeKey(TlsFilter.class, "engine");

    public TlsFilter(SSLContext context) {
        super(context);
    }

    @Override
    protected SSLEngine createEngine(IoSession session, InetSocketAddress address) {
        SSLEngine engine = super.createEngine(session, address);
        session.setAttribute(ENGINE, engine);
        return engine;
    }

    /** The session's negotiated TLS session, when a TLS filter serves it. */
    static Optional<SSLSession> tlsSession(IoSession session) {
        return session.getAttribute(ENGINE) instanceof SSLEngine engine
                ? Optional.of(engine.getSession())
                : Optional.empty();
    }
}
