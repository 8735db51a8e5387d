/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net;

/**
 * The protocol side of one connection. Every callback runs on a virtual thread, one at a time and in the order of
 * the events, so a handler needs no locking of its own and may block (storage, search).
 */
public interface ProtocolHandler {
    /** The connection is open (after the TLS handshake for implicit TLS); send the greeting here. */
    void connected();

    /** A complete request (a line, or lines with their literals) or a framing error arrived. */
    void received(Frame frame);

    /** The listener is shutting down; a protocol may say goodbye. The connection is closed afterwards. */
    default void shuttingDown() {}

    /** The client sent nothing for longer than the idle timeout; the connection is closed afterwards. */
    default void timedOut() {}

    /** The connection is closed, by either side. */
    default void closed() {}
}
