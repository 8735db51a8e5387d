/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link MessageFilter} knows about a message besides its content.
 *
 * @param sender the MAIL FROM address, empty for the null sender
 * @param recipients the accepted RCPT TO addresses, in order
 * @param helo the name the client gave in HELO, EHLO or LHLO
 * @param client the client's address
 * @param secure whether the connection is encrypted
 * @param authenticatedLogin the login of an authenticated client
 */
public record Envelope(
        String sender,
        List<String> recipients,
        String helo,
        InetSocketAddress client,
        boolean secure,
        Optional<String> authenticatedLogin) {
    public Envelope {
        Objects.requireNonNull(sender, "sender");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(authenticatedLogin, "authenticatedLogin");
    }
}
