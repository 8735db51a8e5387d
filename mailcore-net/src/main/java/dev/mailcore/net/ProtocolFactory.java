/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net;

/** Makes the {@link ProtocolHandler} of each new connection. */
@FunctionalInterface
public interface ProtocolFactory {
    /** Called once per connection, before any event of that connection. */
    ProtocolHandler create(Connection connection);

    /**
     * What a connection refused by the {@link ConnectionLimits} is sent before it is closed, CRLF included: IMAP's
     * {@code * BYE}, SMTP's {@code 421}. Default: nothing, the connection is just closed.
     */
    default String refusal() {
        return "";
    }
}
