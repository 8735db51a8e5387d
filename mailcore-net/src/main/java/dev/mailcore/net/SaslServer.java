/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net;

import dev.mailcore.api.Account;

/**
 * The server side of one SASL exchange (RFC 4422). The protocol feeds each client response (decoded from base64)
 * and sends what comes back, until a {@link Step.Success} or {@link Step.Failure}.
 */
public interface SaslServer {
    /** The mechanism name, such as {@code PLAIN}. */
    String mechanism();

    /**
     * Takes the next client response: the initial response (empty when the client sent none), then one per
     * challenge.
     */
    Step evaluate(byte[] response);

    /** What the server answers. */
    sealed interface Step {
        /** Send this challenge and wait for the next response. */
        record Challenge(byte[] data) implements Step {}

        /** Authenticated. */
        record Success(Account account) implements Step {}

        /** Refused; the text is safe to show the client. */
        record Failure(String reason) implements Step {}
    }
}
