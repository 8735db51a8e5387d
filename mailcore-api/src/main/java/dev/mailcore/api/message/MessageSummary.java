/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.message;

import java.time.Instant;
import java.util.List;

/**
 * Everything the protocols need to know about a message's content without reading it again: extracted once at
 * ingest and kept with the email.
 *
 * @param envelope the IMAP ENVELOPE (raw header values)
 * @param body the MIME structure with byte offsets
 * @param sentAt the parsed Date header, or null when absent or unparseable
 * @param subject the decoded Subject, or null
 * @param from decoded From addresses (likewise the other address lists)
 * @param messageId the first Message-ID without angle brackets, or null
 * @param inReplyTo In-Reply-To message ids without angle brackets
 * @param references References message ids without angle brackets
 * @param preview up to 256 characters of the first text part, whitespace collapsed
 * @param attachments the parts a client shows as attachments
 */
public record MessageSummary(
        Envelope envelope,
        BodyPart body,
        Instant sentAt,
        String subject,
        List<Address> from,
        List<Address> sender,
        List<Address> replyTo,
        List<Address> to,
        List<Address> cc,
        List<Address> bcc,
        String messageId,
        List<String> inReplyTo,
        List<String> references,
        String preview,
        List<Attachment> attachments) {
    public MessageSummary {
        from = List.copyOf(from);
        sender = List.copyOf(sender);
        replyTo = List.copyOf(replyTo);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        inReplyTo = List.copyOf(inReplyTo);
        references = List.copyOf(references);
        attachments = List.copyOf(attachments);
    }

    /** Whether the message has at least one attachment (JMAP {@code hasAttachment}). */
    public boolean hasAttachment() {
        return !attachments.isEmpty();
    }

    /** The size of the top-level header block in octets, including the blank line. */
    public long headerSize() {
        return body.span().bodyStart();
    }
}
