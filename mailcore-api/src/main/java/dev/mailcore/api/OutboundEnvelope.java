/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The envelope of a message waiting for delivery to other servers: sender, recipients and the message-wide delivery
 * status notification parameters (RFC 3461).
 *
 * @param sender the reverse path, empty for the null sender
 * @param recipients the recipients still to deliver to, at least one
 * @param ret RET=FULL or HDRS, when the client gave it
 * @param envelopeId ENVID decoded from xtext, when the client gave it
 */
public record OutboundEnvelope(
        String sender, List<OutboundRecipient> recipients, Optional<DsnReturn> ret, Optional<String> envelopeId) {
    public OutboundEnvelope {
        Objects.requireNonNull(sender, "sender");
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("an envelope needs a recipient");
        }
        Objects.requireNonNull(ret, "ret");
        Objects.requireNonNull(envelopeId, "envelopeId");
    }
}
