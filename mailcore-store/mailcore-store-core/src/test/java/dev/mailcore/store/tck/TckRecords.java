/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.tck;

import dev.mailcore.api.BlobId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.ThreadId;
import dev.mailcore.api.message.BodyPart;
import dev.mailcore.api.message.ByteSpan;
import dev.mailcore.api.message.ContentInfo;
import dev.mailcore.api.message.Envelope;
import dev.mailcore.api.message.MessageSummary;
import dev.mailcore.api.spi.EmailRecord;
import dev.mailcore.api.spi.MailboxRecord;
import dev.mailcore.api.spi.MessageRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Small, valid records for the metadata store contract; only the fields a test names vary. */
final class TckRecords {
    static final Instant RECEIVED = Instant.parse("2026-01-02T03:04:05Z");

    private static final MessageSummary SUMMARY = new MessageSummary(
            Envelope.EMPTY,
            new BodyPart.Single(
                    "1",
                    new ContentInfo(
                            "text",
                            "plain",
                            List.of(),
                            null,
                            null,
                            "7bit",
                            null,
                            List.of(),
                            List.of(),
                            null,
                            null,
                            "us-ascii",
                            null),
                    new ByteSpan(0, 20, 100),
                    2),
            null,
            "hello",
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            null,
            List.of(),
            List.of(),
            "hello",
            List.of());

    private TckRecords() {}

    static MailboxRecord mailbox(String id) {
        return new MailboxRecord(MailboxId.of(id), null, id, null, 1, true, 0);
    }

    static EmailRecord email(String id, String thread, long size, Set<String> keywords, long modSeq) {
        return new EmailRecord(
                EmailId.of(id), ThreadId.of(thread), blobOf(id), size, RECEIVED, keywords, SUMMARY, modSeq);
    }

    static EmailRecord email(String id, Instant receivedAt, long modSeq) {
        return new EmailRecord(
                EmailId.of(id), ThreadId.of("T" + id), blobOf(id), 100, receivedAt, Set.of(), SUMMARY, modSeq);
    }

    static EmailRecord email(String id, long modSeq) {
        return email(id, "T" + id, 100, Set.of(), modSeq);
    }

    static MessageRecord message(String mailbox, long uid, String email, long modSeq) {
        return new MessageRecord(MailboxId.of(mailbox), uid, EmailId.of(email), modSeq, false, RECEIVED);
    }

    static BlobId blobOf(String text) {
        try {
            return BlobId.ofDigest(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
