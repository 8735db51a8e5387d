/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import java.util.List;

/** One data item of a FETCH command. */
public sealed interface FetchItem {
    enum Simple implements FetchItem {
        FLAGS,
        UID,
        INTERNALDATE,
        RFC822_SIZE,
        ENVELOPE,
        BODYSTRUCTURE,
        BODY,
        MODSEQ,
        EMAILID,
        THREADID,
        PREVIEW,
        SAVEDATE
    }

    /**
     * {@code BODY[section]<partial>} and its RFC822 aliases.
     *
     * @param label how the response names the item, e.g. {@code BODY[1.2]} or {@code RFC822.HEADER}
     * @param partialOffset -1 when not partial
     */
    record Body(Section section, boolean peek, long partialOffset, long partialLength, String label)
            implements FetchItem {}

    /**
     * A body section: a part number (empty for the whole message) and what of it.
     *
     * @param fields the header names of HEADER.FIELDS / HEADER.FIELDS.NOT
     */
    record Section(String part, Kind kind, List<String> fields) {
        public enum Kind {
            ALL,
            HEADER,
            HEADER_FIELDS,
            HEADER_FIELDS_NOT,
            TEXT,
            MIME
        }
    }

    /**
     * {@code BINARY[part]<partial>}, {@code BINARY.PEEK[...]} or {@code BINARY.SIZE[part]} (RFC 3516): the part with
     * its Content-Transfer-Encoding undone.
     *
     * @param part the part number, empty for the whole message
     * @param partialOffset -1 when not partial
     */
    record Binary(String part, boolean peek, boolean sizeOnly, long partialOffset, long partialLength)
            implements FetchItem {}
}
