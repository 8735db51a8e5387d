/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.api.search.SortKey;
import dev.mailcore.api.search.ThreadAlgorithm;
import dev.mailcore.api.search.ThreadNode;
import java.util.List;

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
}
