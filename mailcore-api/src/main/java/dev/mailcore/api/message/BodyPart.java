/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.message;

import java.util.List;

/**
 * The MIME structure of a message, extracted once when the message is stored: what IMAP BODYSTRUCTURE reports
 * and where each part lies in the raw bytes.
 *
 * <p>{@link #section()} is the IMAP part specifier (RFC 9051 §6.4.5): the children of a multipart are numbered
 * {@code 1, 2, ...} below their parent's number; a non-multipart message body is part {@code 1}; the top-level
 * multipart of a message has the empty section; the body of an encapsulated message/rfc822 part {@code N} is
 * {@code N.1} when it is not multipart, and its children are {@code N.1, N.2, ...} when it is.
 */
public sealed interface BodyPart permits BodyPart.Single, BodyPart.Multipart, BodyPart.Message {
    String section();

    ContentInfo content();

    ByteSpan span();

    /** A leaf part: text, image, application and every other non-container type. */
    record Single(String section, ContentInfo content, ByteSpan span, long lines) implements BodyPart {}

    /** A multipart container with its children in order. */
    record Multipart(String section, ContentInfo content, ByteSpan span, List<BodyPart> parts) implements BodyPart {
        public Multipart {
            parts = List.copyOf(parts);
        }
    }

    /** A message/rfc822 (or message/global) part with the envelope and structure of the message inside. */
    record Message(String section, ContentInfo content, ByteSpan span, long lines, Envelope envelope, BodyPart body)
            implements BodyPart {}
}
