/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.examples.receiver;

import java.util.Objects;

/**
 * A reply to a ticket, as the receiver hands it to the application.
 *
 * @param ticket the ticket named in the recipient address {@code reply+TICKET@domain}
 * @param sender the envelope sender
 * @param subject the message's subject, empty if none
 * @param text the plain-text body
 */
public record Reply(String ticket, String sender, String subject, String text) {
    public Reply {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }
}
