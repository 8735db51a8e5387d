/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql.internal;

import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.api.message.Address;
import dev.mailcore.api.message.AddressGroup;
import dev.mailcore.api.message.Attachment;
import dev.mailcore.api.message.BodyPart;
import dev.mailcore.api.message.ByteSpan;
import dev.mailcore.api.message.ContentInfo;
import dev.mailcore.api.message.EmailAddress;
import dev.mailcore.api.message.Envelope;
import dev.mailcore.api.message.MessageSummary;
import dev.mailcore.api.message.Parameter;
import java.time.Instant;
import java.util.List;

/**
 * A compact binary form of {@link MessageSummary}, stored with each email. Decoding gives back a summary equal to
 * the one encoded, nulls and empty lists included.
 *
 * <p>Layout: a format byte, then the record components in declaration order. Numbers are unsigned LEB128 varints
 * (zigzag for values that may be negative); a string is its length plus one (0 for null) followed by each UTF-16
 * unit as a varint, which keeps ASCII at one byte and round-trips any string, unpaired surrogates included; a list is
 * its size followed by its elements; sealed families start with a tag byte. Byte spans store deltas, which are small.
 */
public final class SummaryCodec {
    private static final int FORMAT = 1;
    private static final int EMAIL_ADDRESS = 0;
    private static final int GROUP = 1;
    private static final int SINGLE = 0;
    private static final int MULTIPART = 1;
    private static final int MESSAGE = 2;

    private SummaryCodec() {}

    public static byte[] encode(MessageSummary summary) {
        CodecOutput out = new CodecOutput();
        out.varint(FORMAT);
        envelope(out, summary.envelope());
        body(out, summary.body());
        Instant sentAt = summary.sentAt();
        out.bool(sentAt != null);
        if (sentAt != null) {
            out.zigzag(sentAt.getEpochSecond());
            out.varint(sentAt.getNano());
        }
        out.string(summary.subject());
        addresses(out, summary.from());
        addresses(out, summary.sender());
        addresses(out, summary.replyTo());
        addresses(out, summary.to());
        addresses(out, summary.cc());
        addresses(out, summary.bcc());
        out.string(summary.messageId());
        strings(out, summary.inReplyTo());
        strings(out, summary.references());
        out.string(summary.preview());
        out.varint(summary.attachments().size());
        for (Attachment a : summary.attachments()) {
            out.string(a.section());
            out.string(a.fileName());
            out.string(a.mediaType());
            out.zigzag(a.size());
        }
        return out.toByteArray();
    }

    /** @throws MailException {@link ErrorReason#CORRUPTION} when the bytes are not a summary of a known format */
    public static MessageSummary decode(byte[] bytes) {
        CodecInput in = new CodecInput(bytes);
        try {
            int format = in.varintInt();
            if (format != FORMAT) {
                throw new MailException(ErrorReason.CORRUPTION, "unknown message summary format " + format);
            }
            MessageSummary summary = new MessageSummary(
                    envelope(in),
                    body(in),
                    in.bool() ? Instant.ofEpochSecond(in.zigzag(), in.varintInt()) : null,
                    in.string(),
                    addresses(in),
                    addresses(in),
                    addresses(in),
                    addresses(in),
                    addresses(in),
                    addresses(in),
                    in.string(),
                    strings(in),
                    strings(in),
                    in.string(),
                    in.list(() -> new Attachment(in.string(), in.string(), in.string(), in.zigzag())));
            if (!in.atEnd()) {
                throw new MailException(ErrorReason.CORRUPTION, "trailing bytes after a message summary");
            }
            return summary;
        } catch (IndexOutOfBoundsException | IllegalArgumentException | NullPointerException e) {
            throw new MailException(ErrorReason.CORRUPTION, "unreadable message summary", e);
        }
    }

    private static void envelope(CodecOutput out, Envelope e) {
        out.string(e.date());
        out.string(e.subject());
        addresses(out, e.from());
        addresses(out, e.sender());
        addresses(out, e.replyTo());
        addresses(out, e.to());
        addresses(out, e.cc());
        addresses(out, e.bcc());
        out.string(e.inReplyTo());
        out.string(e.messageId());
    }

    private static Envelope envelope(CodecInput in) {
        return new Envelope(
                in.string(),
                in.string(),
                addresses(in),
                addresses(in),
                addresses(in),
                addresses(in),
                addresses(in),
                addresses(in),
                in.string(),
                in.string());
    }

    private static void body(CodecOutput out, BodyPart part) {
        switch (part) {
            case BodyPart.Single single -> {
                out.varint(SINGLE);
                partHead(out, part);
                out.zigzag(single.lines());
            }
            case BodyPart.Multipart multipart -> {
                out.varint(MULTIPART);
                partHead(out, part);
                out.varint(multipart.parts().size());
                for (BodyPart child : multipart.parts()) {
                    body(out, child);
                }
            }
            case BodyPart.Message message -> {
                out.varint(MESSAGE);
                partHead(out, part);
                out.zigzag(message.lines());
                envelope(out, message.envelope());
                body(out, message.body());
            }
        }
    }

    private static void partHead(CodecOutput out, BodyPart part) {
        out.string(part.section());
        content(out, part.content());
        ByteSpan span = part.span();
        out.varlong(span.headerStart());
        out.varlong(span.bodyStart() - span.headerStart());
        out.varlong(span.end() - span.bodyStart());
    }

    private static BodyPart body(CodecInput in) {
        int tag = in.varintInt();
        String section = in.string();
        ContentInfo content = content(in);
        long headerStart = in.varlong();
        long bodyStart = headerStart + in.varlong();
        ByteSpan span = new ByteSpan(headerStart, bodyStart, bodyStart + in.varlong());
        return switch (tag) {
            case SINGLE -> new BodyPart.Single(section, content, span, in.zigzag());
            case MULTIPART -> new BodyPart.Multipart(section, content, span, in.list(() -> body(in)));
            case MESSAGE -> new BodyPart.Message(section, content, span, in.zigzag(), envelope(in), body(in));
            default -> throw new IllegalArgumentException("unknown body part tag " + tag);
        };
    }

    private static void content(CodecOutput out, ContentInfo c) {
        out.string(c.type());
        out.string(c.subtype());
        parameters(out, c.parameters());
        out.string(c.id());
        out.string(c.description());
        out.string(c.encoding());
        out.string(c.disposition());
        parameters(out, c.dispositionParameters());
        strings(out, c.languages());
        out.string(c.location());
        out.string(c.md5());
        out.string(c.charset());
        out.string(c.fileName());
    }

    private static ContentInfo content(CodecInput in) {
        return new ContentInfo(
                in.string(),
                in.string(),
                parameters(in),
                in.string(),
                in.string(),
                in.string(),
                in.string(),
                parameters(in),
                strings(in),
                in.string(),
                in.string(),
                in.string(),
                in.string());
    }

    private static void parameters(CodecOutput out, List<Parameter> parameters) {
        out.varint(parameters.size());
        for (Parameter p : parameters) {
            out.string(p.name());
            out.string(p.value());
        }
    }

    private static List<Parameter> parameters(CodecInput in) {
        return in.list(() -> new Parameter(in.string(), in.string()));
    }

    private static void addresses(CodecOutput out, List<Address> addresses) {
        out.varint(addresses.size());
        for (Address address : addresses) {
            switch (address) {
                case EmailAddress email -> {
                    out.varint(EMAIL_ADDRESS);
                    emailAddress(out, email);
                }
                case AddressGroup group -> {
                    out.varint(GROUP);
                    out.string(group.name());
                    out.varint(group.members().size());
                    for (EmailAddress member : group.members()) {
                        emailAddress(out, member);
                    }
                }
            }
        }
    }

    private static void emailAddress(CodecOutput out, EmailAddress email) {
        out.string(email.name());
        out.string(email.localPart());
        out.string(email.domain());
    }

    private static List<Address> addresses(CodecInput in) {
        return in.list(() -> {
            int tag = in.varintInt();
            return switch (tag) {
                case EMAIL_ADDRESS -> emailAddress(in);
                case GROUP -> new AddressGroup(in.string(), in.list(() -> emailAddress(in)));
                default -> throw new IllegalArgumentException("unknown address tag " + tag);
            };
        });
    }

    private static EmailAddress emailAddress(CodecInput in) {
        return new EmailAddress(in.string(), in.string(), in.string());
    }

    private static void strings(CodecOutput out, List<String> strings) {
        out.varint(strings.size());
        for (String s : strings) {
            out.string(s);
        }
    }

    private static List<String> strings(CodecInput in) {
        return in.list(in::string);
    }
}
