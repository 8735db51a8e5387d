/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp;

import dev.mailcore.api.DsnReturn;
import dev.mailcore.api.OutboundRecipient;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server knows about a message besides its content: what a {@link MessageFilter} sees and what
 * {@link MailCapture} keeps.
 *
 * @param sender the MAIL FROM address, empty for the null sender
 * @param recipients the accepted RCPT TO addresses, in order
 * @param helo the name the client gave in HELO, EHLO or LHLO
 * @param client the client's address
 * @param secure whether the connection is encrypted
 * @param authenticatedLogin the login of an authenticated client
 * @param smtpUtf8 whether MAIL FROM had SMTPUTF8 (RFC 6531): addresses and header fields may be UTF-8
 * @param dsnReturn RET of MAIL FROM (RFC 3461), when given
 * @param envelopeId ENVID of MAIL FROM, decoded from xtext, when given
 * @param recipientParameters NOTIFY and ORCPT of each recipient, in the order of {@code recipients}
 */
public record Envelope(
        String sender,
        List<String> recipients,
        String helo,
        InetSocketAddress client,
        boolean secure,
        Optional<String> authenticatedLogin,
        boolean smtpUtf8,
        Optional<DsnReturn> dsnReturn,
        Optional<String> envelopeId,
        List<OutboundRecipient> recipientParameters) {
    public Envelope {
        Objects.requireNonNull(sender, "sender");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(authenticatedLogin, "authenticatedLogin");
        Objects.requireNonNull(dsnReturn, "dsnReturn");
        Objects.requireNonNull(envelopeId, "envelopeId");
        recipientParameters = List.copyOf(recipientParameters);
        if (recipientParameters.size() != recipients.size()) {
            throw new IllegalArgumentException("one recipientParameters entry per recipient");
        }
    }

    /** An envelope without SMTPUTF8 and DSN parameters. */
    public Envelope(
            String sender,
            List<String> recipients,
            String helo,
            InetSocketAddress client,
            boolean secure,
            Optional<String> authenticatedLogin) {
        this(
                sender,
                recipients,
                helo,
                client,
                secure,
                authenticatedLogin,
                false,
                Optional.empty(),
                Optional.empty(),
                recipients.stream().map(OutboundRecipient::of).toList());
    }

    /** The same envelope with only the recipients at {@code indexes}, in that order. */
    public Envelope withRecipients(List<Integer> indexes) {
        return new Envelope(
                sender,
                indexes.stream().map(recipients::get).toList(),
                helo,
                client,
                secure,
                authenticatedLogin,
                smtpUtf8,
                dsnReturn,
                envelopeId,
                indexes.stream().map(recipientParameters::get).toList());
    }
}
