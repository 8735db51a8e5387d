/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import dev.mailcore.api.message.BodyPart;
import dev.mailcore.api.message.MessageSummary;
import dev.mailcore.imap.internal.FetchItem.Section;

/** Finds the bytes of a body section in the raw message from the part offsets stored at ingest. */
final class SectionLocator {
    /** A byte range of the raw message; {@code header} when HEADER.FIELDS filtering applies to it. */
    record Range(long offset, long length) {}

    private SectionLocator() {}

    /** The range of a section, or null when the message has no such part. */
    static Range locate(MessageSummary summary, long size, Section section) {
        if (section.part().isEmpty()) {
            long header = summary.headerSize();
            return switch (section.kind()) {
                case ALL -> new Range(0, size);
                case HEADER, HEADER_FIELDS, HEADER_FIELDS_NOT -> new Range(0, header);
                case TEXT -> new Range(header, size - header);
                case MIME -> null;
            };
        }
        BodyPart root = summary.body();
        BodyPart part =
                !(root instanceof BodyPart.Multipart) && section.part().equals("1") ? root : find(root, section.part());
        if (part == null) {
            return null;
        }
        return switch (section.kind()) {
            case ALL -> new Range(part.span().bodyStart(), part.span().bodySize());
            case MIME -> new Range(part.span().headerStart(), part.span().headerSize());
            case HEADER, HEADER_FIELDS, HEADER_FIELDS_NOT, TEXT -> {
                if (!(part instanceof BodyPart.Message message)) {
                    yield null;
                }
                long start = message.span().bodyStart();
                long innerBody = message.body().span().bodyStart();
                yield section.kind() == Section.Kind.TEXT
                        ? new Range(innerBody, message.span().end() - innerBody)
                        : new Range(start, innerBody - start);
            }
        };
    }

    /** The part with this number, or null; {@code 1} is the body itself when the message is not multipart. */
    static BodyPart part(MessageSummary summary, String number) {
        BodyPart root = summary.body();
        return !(root instanceof BodyPart.Multipart) && number.equals("1") ? root : find(root, number);
    }

    private static BodyPart find(BodyPart part, String section) {
        if (part.section().equals(section)) {
            return part;
        }
        switch (part) {
            case BodyPart.Multipart m -> {
                for (BodyPart child : m.parts()) {
                    if (section.equals(child.section()) || section.startsWith(child.section() + ".")) {
                        BodyPart found = find(child, section);
                        if (found != null) {
                            return found;
                        }
                    }
                }
                return null;
            }
            case BodyPart.Message m -> {
                return find(m.body(), section);
            }
            case BodyPart.Single s -> {
                return null;
            }
        }
    }
}
