/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.search.lucene.internal;

import dev.mailcore.api.MailboxId;
import dev.mailcore.api.spi.SearchMetadata;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.util.BytesRef;

/**
 * An email's metadata as doc values, the only kind of field Lucene can change in place: a keyword or mailbox change
 * rewrites these values and never analyzes the text again. Sets are stored as their members between NUL bytes
 * ({@code \0a\0b\0}), so a member test is a byte search; keywords and mailbox ids never hold NUL.
 */
public final class MetadataFields {
    public static final String KEYWORDS = "m.kw";
    public static final String MAILBOXES = "m.mbx";
    public static final String THREAD = "m.thr";
    public static final String RECEIVED = "m.rcv";
    public static final String SENT = "m.sent";
    public static final String SIZE = "m.size";

    /** Stands for "no value" in the time fields (an email without a Date header, or no metadata yet). */
    public static final long MISSING = Long.MIN_VALUE;

    private MetadataFields() {}

    /**
     * The fields of an email's metadata, or for null the placeholders of a document whose metadata comes later: every
     * document carries these fields, since Lucene updates only doc values fields a document already has. Placeholders
     * stand for no keyword, no mailbox, no times and size -1, so they match no positive metadata criterion.
     */
    public static Field[] fields(SearchMetadata metadata) {
        if (metadata == null) {
            return new Field[] {
                new BinaryDocValuesField(KEYWORDS, set(List.of())),
                new BinaryDocValuesField(MAILBOXES, set(List.of())),
                new BinaryDocValuesField(THREAD, new BytesRef()),
                new NumericDocValuesField(RECEIVED, MISSING),
                new NumericDocValuesField(SENT, MISSING),
                new NumericDocValuesField(SIZE, -1)
            };
        }
        return new Field[] {
            new BinaryDocValuesField(KEYWORDS, set(metadata.keywords())),
            new BinaryDocValuesField(
                    MAILBOXES,
                    set(metadata.mailboxes().stream().map(MailboxId::value).toList())),
            new BinaryDocValuesField(THREAD, new BytesRef(metadata.threadId().value())),
            new NumericDocValuesField(RECEIVED, time(metadata.receivedAt())),
            new NumericDocValuesField(SENT, time(metadata.sentAt())),
            new NumericDocValuesField(SIZE, metadata.size())
        };
    }

    /** Nanoseconds since the epoch, saturated: exact for every instant a mail carries (years 1678 to 2262). */
    public static long time(Instant instant) {
        if (instant == null) {
            return MISSING;
        }
        long seconds = Math.clamp(
                instant.getEpochSecond(), Long.MIN_VALUE / 1_000_000_000L + 1, Long.MAX_VALUE / 1_000_000_000L - 1);
        return seconds * 1_000_000_000L + instant.getNano();
    }

    /** The bytes a set member is searched as: the member between two NUL bytes. */
    public static byte[] member(String value) {
        return ("\0" + value + "\0").getBytes(StandardCharsets.UTF_8);
    }

    private static BytesRef set(Collection<String> members) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        for (String member : members.stream().sorted().toList()) {
            out.writeBytes(member.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        return new BytesRef(out.toByteArray());
    }
}
