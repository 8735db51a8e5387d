/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.spi;

import dev.mailcore.api.BlobId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.ThreadId;
import dev.mailcore.api.message.MessageSummary;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A stored email: immutable content (blob, size, summary) and its keywords.
 *
 * @param keywords normalized keywords
 * @param modSeq the MODSEQ of the last change to the email itself (creation or keywords)
 */
public record EmailRecord(
        EmailId id,
        ThreadId threadId,
        BlobId blobId,
        long size,
        Instant receivedAt,
        Set<String> keywords,
        MessageSummary summary,
        long modSeq) {
    public EmailRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(blobId, "blobId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        keywords = Set.copyOf(keywords);
        Objects.requireNonNull(summary, "summary");
    }

    public EmailRecord withKeywords(Set<String> newKeywords, long newModSeq) {
        return new EmailRecord(id, threadId, blobId, size, receivedAt, newKeywords, summary, newModSeq);
    }
}
