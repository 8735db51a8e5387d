/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.pop3.internal;

/** A command the server answers with {@code -ERR}: unknown, malformed, or naming a message it cannot use. The text
 * goes to the client.
 */
final class CommandRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommandRefused(String message) {
        super(message, null, false, false);
    }
}
