/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp.internal;

/** A command line that cannot be parsed; answered with 501 and the message. */
public final class SyntaxError extends RuntimeException {
    public SyntaxError(String message) {
        super(message);
    }
}
