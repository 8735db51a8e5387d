/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.message;

/**
 * Where a MIME part lies in the raw message, as absolute byte offsets, so that IMAP {@code BODY[1.2]},
 * {@code BODY[1.2.MIME]} and JMAP blob downloads of a part read a byte range instead of parsing the message again.
 *
 * @param headerStart offset of the part's first header byte
 * @param bodyStart offset of the first byte after the blank line that ends the part's header
 * @param end offset one past the part's last body byte
 */
public record ByteSpan(long headerStart, long bodyStart, long end) {
    public ByteSpan {
        if (headerStart < 0 || bodyStart < headerStart || end < bodyStart) {
            throw new IllegalArgumentException("bad span " + headerStart + "/" + bodyStart + "/" + end);
        }
    }

    public long headerSize() {
        return bodyStart - headerStart;
    }

    public long bodySize() {
        return end - bodyStart;
    }
}
