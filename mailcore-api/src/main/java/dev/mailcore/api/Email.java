/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

import dev.mailcore.api.message.MessageSummary;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * An email as JMAP sees it: one immutable message in one or more mailboxes of an account.
 *
 * @param mailboxUids the mailboxes it is in, each with the UID it has there
 */
public record Email(
        EmailId id,
        ThreadId threadId,
        BlobId blobId,
        long size,
        Instant receivedAt,
        Set<String> keywords,
        Map<MailboxId, Long> mailboxUids,
        MessageSummary summary,
        long modSeq) {
    public Email {
        keywords = Set.copyOf(keywords);
        mailboxUids = Map.copyOf(mailboxUids);
    }
}
