/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp.internal;

/** An ESMTP parameter the server refuses, with the reply that says why. */
public final class ParameterError extends RuntimeException {
    private final transient Reply reply;

    public ParameterError(Reply reply) {
        super(reply.lines().getFirst(), null, false, false);
        this.reply = reply;
    }

    static ParameterError syntax(String text) {
        return new ParameterError(Reply.of(501, "5.5.4", text));
    }

    public Reply reply() {
        return reply;
    }
}
