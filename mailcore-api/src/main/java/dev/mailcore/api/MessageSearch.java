/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

import dev.mailcore.api.search.EmailPage;
import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.api.search.SortKey;
import dev.mailcore.api.search.ThreadAlgorithm;
import dev.mailcore.api.search.ThreadNode;
import java.util.List;
import java.util.Optional;

/**
 * Searches through the query model: content criteria go to the configured search index, the rest is answered from
 * metadata. A search sees every change acknowledged before it started.
 */
public interface MessageSearch {
    /**
     * The UIDs of the messages of a mailbox that match, in the order of {@code sort} (UID order when empty).
     *
     * @throws MailException {@link ErrorReason#MAILBOX_NOT_FOUND}
     */
    long[] searchUids(AccountId account, MailboxId mailbox, SearchQuery query, List<SortKey> sort);

    /**
     * The messages of a mailbox that match, grouped into threads by {@code algorithm} (RFC 5256): the roots in order
     * of sent date (the Date header, or the arrival time without one), ties broken by UID.
     *
     * @throws MailException {@link ErrorReason#MAILBOX_NOT_FOUND}
     */
    List<ThreadNode> threadUids(AccountId account, MailboxId mailbox, SearchQuery query, ThreadAlgorithm algorithm);

    /** The emails of the account that match, in the order of {@code sort} (newest received first when empty). */
    List<EmailId> searchEmails(AccountId account, SearchQuery query, List<SortKey> sort);

    /**
     * At most {@code limit} emails of {@link #searchEmails}' result from {@code position} on, with the size of the
     * whole result, when the search can read that page without finding and sorting every match; empty when it
     * cannot, and the caller then pages {@link #searchEmails} itself. The search service reads the page for the
     * emails of one mailbox ({@code InMailbox} alone) newest received first (no sort, or arrival descending): a
     * mail client's list view, whose first screen then costs the screen rather than the mailbox.
     *
     * @throws MailException {@link ErrorReason#INVALID_ARGUMENT} for a negative {@code position} or {@code limit}
     */
    default Optional<EmailPage> searchEmailPage(
            AccountId account, SearchQuery query, List<SortKey> sort, int position, int limit) {
        return Optional.empty();
    }
}
