/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.message;

import java.util.List;

/**
 * The IMAP ENVELOPE of a message (RFC 9051 §7.5.2): header values as they stand in the message, unfolded, with
 * encoded-words kept; {@code null} where the header is absent. Sender and Reply-To are not defaulted to From here:
 * the IMAP encoder applies that rule.
 */
public record Envelope(
        String date,
        String subject,
        List<Address> from,
        List<Address> sender,
        List<Address> replyTo,
        List<Address> to,
        List<Address> cc,
        List<Address> bcc,
        String inReplyTo,
        String messageId) {
    public static final Envelope EMPTY =
            new Envelope(null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null);

    public Envelope {
        from = List.copyOf(from);
        sender = List.copyOf(sender);
        replyTo = List.copyOf(replyTo);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
    }
}
