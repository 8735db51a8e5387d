/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

/** A command that does not follow the grammar; answered with BAD. */
public final class ParseException extends RuntimeException {
    public ParseException(String message) {
        super(message);
    }
}
