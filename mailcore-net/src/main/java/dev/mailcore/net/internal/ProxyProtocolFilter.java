/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Set;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the PROXY protocol header (versions 1 and 2) that a trusted load balancer sends first, and records the client
 * address it names. Until the header is complete, the rest of the chain (TLS, the protocol) has not even seen the
 * connection open, so the greeting and the connection limits wait for the real client address. A connection from an
 * address that is not a trusted proxy is served as a direct client.
 */
public final class ProxyProtocolFilter extends IoFilterAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyProtocolFilter.class);
    private static final AttributeKey CLIENT = new AttributeKey(ProxyProtocolFilter.class, "client");
    private static final AttributeKey PENDING = new AttributeKey(ProxyProtocolFilter.class, "pending");

    private final Set<InetAddress> trusted;

    public ProxyProtocolFilter(Set<InetAddress> trusted) {
        this.trusted = Set.copyOf(trusted);
    }

    /** The client address a PROXY header named on this session, or null. */
    static InetSocketAddress client(IoSession session) {
        return (InetSocketAddress) session.getAttribute(CLIENT);
    }

    @Override
    public void sessionOpened(NextFilter next, IoSession session) {
        if (session.getRemoteAddress() instanceof InetSocketAddress peer && trusted.contains(peer.getAddress())) {
            session.setAttribute(PENDING, new byte[0]);
            return;
        }
        next.sessionOpened(session);
    }

    /** Runs on the session's I/O thread. */
    @Override
    public void messageReceived(NextFilter next, IoSession session, Object message) {
        byte[] pending = (byte[]) session.getAttribute(PENDING);
        if (pending == null || !(message instanceof IoBuffer in)) {
            next.messageReceived(session, message);
            return;
        }
        byte[] bytes = Arrays.copyOf(pending, pending.length + in.remaining());
        in.get(bytes, pending.length, in.remaining());
        ProxyHeader header;
        try {
            header = ProxyHeader.parse(bytes, bytes.length);
        } catch (ProxyHeader.Invalid e) {
            LOG.debug("connection {}: {}; closing", session.getId(), e.getMessage());
            session.closeNow();
            return;
        }
        if (header == null) {
            if (bytes.length >= ProxyHeader.MAX_LENGTH) {
                session.closeNow();
            } else {
                session.setAttribute(PENDING, bytes);
            }
            return;
        }
        session.removeAttribute(PENDING);
        if (header.client() != null) {
            session.setAttribute(CLIENT, header.client());
        }
        next.sessionOpened(session);
        if (header.length() < bytes.length) {
            next.messageReceived(session, IoBuffer.wrap(bytes, header.length(), bytes.length - header.length()));
        }
    }
}
