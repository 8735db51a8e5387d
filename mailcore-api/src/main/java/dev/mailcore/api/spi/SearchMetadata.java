/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.spi;

import dev.mailcore.api.MailboxId;
import dev.mailcore.api.ThreadId;
import dev.mailcore.api.search.DateField;
import dev.mailcore.api.search.SearchQuery;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What changes about an email after ingest, for a {@link SearchIndex} that {@linkplain SearchIndex#indexesMetadata()
 * answers metadata criteria} together with content ones: its keywords and mailboxes, and the fixed values a search
 * filters on. The engine sends it after every change to the email (and after it indexed the email's document).
 *
 * @param keywords the email's normalized keywords
 * @param mailboxes every mailbox the email is in
 * @param receivedAt when the email was received
 * @param sentAt its Date header, or null
 * @param size its size in bytes
 * @param threadId its thread
 */
public record SearchMetadata(
        Set<String> keywords,
        Set<MailboxId> mailboxes,
        Instant receivedAt,
        Instant sentAt,
        long size,
        ThreadId threadId) {
    public SearchMetadata {
        keywords = Set.copyOf(keywords);
        mailboxes = Set.copyOf(mailboxes);
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(threadId, "threadId");
    }

    /**
     * Whether {@code query} is a metadata criterion that an index which {@linkplain SearchIndex#indexesMetadata()
     * indexes metadata} answers: a keyword, a size, a received or sent {@link SearchQuery.AtTime time}, email or
     * thread ids, or a mailbox. Days ({@link SearchQuery.OnDate}) are not: the engine turns them into times in its
     * own time zone first.
     */
    public static boolean answers(SearchQuery query) {
        return switch (query) {
            case SearchQuery.HasKeyword kw -> true;
            case SearchQuery.Size size -> true;
            case SearchQuery.AtTime at -> at.field() != DateField.SAVED;
            case SearchQuery.EmailIds ids -> true;
            case SearchQuery.ThreadIds ids -> true;
            case SearchQuery.InMailbox in -> true;
            default -> false;
        };
    }
}
