/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp.internal;

import dev.mailcore.smtp.Envelope;
import dev.mailcore.smtp.RecipientResult;
import dev.mailcore.smtp.SmtpListener;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The host's listeners as one: each is told in turn, and what one throws is logged and goes no further. */
public final class Listeners implements SmtpListener {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<SmtpListener> listeners;

    public Listeners(List<SmtpListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    private void each(Consumer<SmtpListener> call) {
        for (SmtpListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("an SMTP listener failed", e);
            }
        }
    }

    @Override
    public void connected(InetSocketAddress client) {
        each(l -> l.connected(client));
    }

    @Override
    public void authenticated(InetSocketAddress client, String login) {
        each(l -> l.authenticated(client, login));
    }

    @Override
    public void authenticationFailed(InetSocketAddress client) {
        each(l -> l.authenticationFailed(client));
    }

    @Override
    public void recipientRefused(InetSocketAddress client, RecipientResult result) {
        each(l -> l.recipientRefused(client, result));
    }

    @Override
    public void messageReceived(Envelope envelope, long octets, List<RecipientResult> results) {
        each(l -> l.messageReceived(envelope, octets, results));
    }

    @Override
    public void disconnected(InetSocketAddress client) {
        each(l -> l.disconnected(client));
    }
}
