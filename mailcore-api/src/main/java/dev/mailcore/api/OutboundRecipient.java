/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One recipient of a message for another server, with its delivery status notification wishes (RFC 3461).
 *
 * <pre>{@code
 * new OutboundRecipient("bob@example.org", Set.of(DsnNotify.FAILURE), Optional.of("rfc822;bob@example.org"))
 * }</pre>
 *
 * @param address the forward path as the client gave it
 * @param notifyOn the NOTIFY keywords; empty when the client gave none (the receiving server's default applies)
 * @param originalRecipient the ORCPT parameter decoded from xtext, as {@code addr-type;address}
 */
public record OutboundRecipient(String address, Set<DsnNotify> notifyOn, Optional<String> originalRecipient) {
    public OutboundRecipient {
        Objects.requireNonNull(address, "address");
        notifyOn = Set.copyOf(notifyOn);
        Objects.requireNonNull(originalRecipient, "originalRecipient");
        if (notifyOn.contains(DsnNotify.NEVER) && notifyOn.size() > 1) {
            throw new IllegalArgumentException("NOTIFY=NEVER stands alone");
        }
    }

    /** A recipient without DSN parameters. */
    public static OutboundRecipient of(String address) {
        return new OutboundRecipient(address, Set.of(), Optional.empty());
    }
}
