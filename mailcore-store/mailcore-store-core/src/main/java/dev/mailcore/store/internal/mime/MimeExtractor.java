/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

import dev.mailcore.api.message.Address;
import dev.mailcore.api.message.Attachment;
import dev.mailcore.api.message.BodyPart;
import dev.mailcore.api.message.ByteSpan;
import dev.mailcore.api.message.ContentInfo;
import dev.mailcore.api.message.Envelope;
import dev.mailcore.api.message.MessageSummary;
import dev.mailcore.api.spi.SearchDocument;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts, once at ingest, everything the protocols and the search index need from a message: the MIME structure
 * with exact byte offsets and IMAP section numbers, the envelope, decoded summary fields, preview, attachments and
 * the searchable text.
 *
 * <pre>{@code
 * ExtractedMessage extracted = new MimeExtractor().extract(spooled);
 * BodyPart structure = extracted.summary().body();
 * }</pre>
 *
 * <p>Never fails on message content: broken containers become leaves, nesting is bounded at
 * {@value StructureParser#MAX_DEPTH} levels and {@value StructureParser#MAX_PARTS} parts, body text at
 * {@value TextCollector#MAX_BODY_CHARS} characters. It streams over the spooled bytes, so a large attachment is never
 * held in memory. Stateless and thread-safe; I/O errors of the spool surface as {@link java.io.UncheckedIOException}.
 */
public final class MimeExtractor {
    private static final Logger LOG = LoggerFactory.getLogger(MimeExtractor.class);

    /** Extracts the summary and the search document of {@code message}. */
    public ExtractedMessage extract(SpooledMessage message) {
        try {
            return extractOrThrow(message);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw e;
        } catch (RuntimeException e) {
            // Content must never make ingest fail; a bug here is logged and the message kept as one text part.
            LOG.warn("MIME extraction failed for message {}; storing it as a single text part", message.blobId(), e);
            return extract(message, fallback(message.size()));
        }
    }

    /** {@link #extract} without the safety net, so that tests see our bugs instead of the fallback. */
    static ExtractedMessage extractOrThrow(SpooledMessage message) {
        return extract(message, new StructureParser(new ByteWindow(message)).message(0, message.size(), "", 0));
    }

    private static ExtractedMessage extract(SpooledMessage message, StructureParser.ParsedMessage parsed) {
        HeaderBlock header = parsed.header();
        Envelope envelope = Envelopes.of(header);
        TextCollector text = new TextCollector(message);
        text.collect(parsed.body());
        List<Attachment> attachments = Attachments.of(parsed.body());

        String subject = envelope.subject() == null ? null : EncodedWords.decode(envelope.subject());
        Instant sentAt = HeaderValues.date(envelope.date());
        List<Address> from = Addresses.decoded(envelope.from());
        List<Address> to = Addresses.decoded(envelope.to());
        List<Address> cc = Addresses.decoded(envelope.cc());
        List<Address> bcc = Addresses.decoded(envelope.bcc());
        List<String> messageIds = HeaderValues.messageIds(envelope.messageId());
        MessageSummary summary = new MessageSummary(
                envelope,
                parsed.body(),
                sentAt,
                subject,
                from,
                Addresses.decoded(envelope.sender()),
                Addresses.decoded(envelope.replyTo()),
                to,
                cc,
                bcc,
                messageIds.isEmpty() ? null : messageIds.get(0),
                HeaderValues.messageIds(envelope.inReplyTo()),
                HeaderValues.messageIds(header.first("References")),
                text.preview(),
                attachments);

        List<SearchDocument.Header> headers = new ArrayList<>(header.fields().size());
        for (HeaderBlock.HeaderField field : header.fields()) {
            headers.add(new SearchDocument.Header(field.name(), EncodedWords.decode(field.value())));
        }
        List<String> attachmentNames = new ArrayList<>();
        for (Attachment attachment : attachments) {
            if (attachment.fileName() != null) {
                attachmentNames.add(attachment.fileName());
            }
        }
        SearchDocument document = new SearchDocument(
                headers,
                subject == null ? "" : subject,
                Addresses.text(from),
                Addresses.text(to),
                Addresses.text(cc),
                Addresses.text(bcc),
                text.body(),
                attachmentNames,
                sentAt);
        return new ExtractedMessage(summary, document);
    }

    private static StructureParser.ParsedMessage fallback(long size) {
        ContentInfo info = new ContentInfo(
                "text", "plain", List.of(), null, null, "7bit", null, List.of(), List.of(), null, null, null, null);
        BodyPart body = new BodyPart.Single("1", info, new ByteSpan(0, 0, size), 0);
        return new StructureParser.ParsedMessage(new HeaderBlock(List.of(), 0), body);
    }
}
