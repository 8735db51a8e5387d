/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.spi;

import dev.mailcore.api.AccountChanged;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.Subscription;
import java.util.function.Consumer;

/**
 * Carries {@link AccountChanged} events from the engine to listeners (IMAP IDLE, JMAP push, DAV sync), within one
 * JVM or across a cluster.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>At-least-once: every event published after a subscription began reaches it, possibly twice.
 *   <li>Events of one account published by one thread reach each listener in publication order.
 *   <li>{@link #publish} does not block on listeners; a listener that throws is logged and stays subscribed.
 *   <li>After {@link Subscription#close()} returns, the listener is not called again.
 * </ul>
 */
public interface EventBus extends AutoCloseable {
    void publish(AccountChanged event);

    Subscription subscribe(AccountId account, Consumer<AccountChanged> listener);

    @Override
    void close();
}
