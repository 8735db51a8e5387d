/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net.internal;

import java.util.Collection;
import java.util.function.Function;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.FilterEvent;
import org.apache.mina.filter.ssl.SslEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes MINA's events to the connection they belong to. Runs on I/O threads and never blocks. */
public final class MinaHandler extends IoHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(MinaHandler.class);
    private static final AttributeKey CONNECTION = new AttributeKey(MinaHandler.class, "connection");

    private final Function<IoSession, MinaConnection> connections;

    public MinaHandler(Function<IoSession, MinaConnection> connections) {
        this.connections = connections;
    }

    @Override
    public void sessionCreated(IoSession session) {
        session.setAttribute(CONNECTION, connections.apply(session));
    }

    @Override
    public void sessionOpened(IoSession session) {
        connection(session).opened();
    }

    @Override
    public void messageReceived(IoSession session, Object message) {
        connection(session).received((IoBuffer) message);
    }

    @Override
    public void event(IoSession session, FilterEvent event) {
        if (event == SslEvent.SECURED) {
            connection(session).secured();
        }
    }

    @Override
    public void sessionIdle(IoSession session, IdleStatus status) {
        connection(session).idle();
    }

    @Override
    public void sessionClosed(IoSession session) {
        connection(session).closedByPeer();
    }

    @Override
    public void exceptionCaught(IoSession session, Throwable cause) {
        LOG.debug("connection {}: {}", session.getId(), cause.toString());
        session.closeNow();
    }

    /** The connections of these sessions. */
    public static void each(Collection<IoSession> sessions, java.util.function.Consumer<MinaConnection> action) {
        for (IoSession session : sessions) {
            MinaConnection connection = (MinaConnection) session.getAttribute(CONNECTION);
            if (connection != null) {
                action.accept(connection);
            }
        }
    }

    private static MinaConnection connection(IoSession session) {
        return (MinaConnection) session.getAttribute(CONNECTION);
    }
}
