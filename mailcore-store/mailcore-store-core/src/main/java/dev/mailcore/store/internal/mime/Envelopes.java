/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

import dev.mailcore.api.message.Envelope;

/** The IMAP ENVELOPE of a message header: first occurrence of each field, raw values. */
final class Envelopes {
    private Envelopes() {}

    static Envelope of(HeaderBlock header) {
        return new Envelope(
                header.first("Date"),
                header.first("Subject"),
                Addresses.parseRaw(header.first("From")),
                Addresses.parseRaw(header.first("Sender")),
                Addresses.parseRaw(header.first("Reply-To")),
                Addresses.parseRaw(header.first("To")),
                Addresses.parseRaw(header.first("Cc")),
                Addresses.parseRaw(header.first("Bcc")),
                header.first("In-Reply-To"),
                header.first("Message-ID"));
    }
}
