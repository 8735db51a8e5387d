/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import dev.mailcore.api.EmailId;
import dev.mailcore.api.search.DateField;
import dev.mailcore.api.search.SearchQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Decides whether a candidate matches a query. Every maximal subtree the search index answers (content criteria, and
 * with an index that keeps metadata the metadata criteria mixed with them) is answered once by the index (through
 * {@code contentSearch}) and remembered for the rest of the evaluation; all other criteria are read from metadata.
 */
final class QueryEvaluator {
    private final ZoneId zone;
    private final Predicate<SearchQuery> delegable;
    private final Function<SearchQuery, Set<EmailId>> contentSearch;
    private final Map<SearchQuery, Set<EmailId>> contentResults = new IdentityHashMap<>();

    /**
     * @param delegable which subtrees the index answers (content-only ones at least)
     * @param contentSearch asks the index for such a subtree
     */
    QueryEvaluator(ZoneId zone, Predicate<SearchQuery> delegable, Function<SearchQuery, Set<EmailId>> contentSearch) {
        this.zone = zone;
        this.delegable = delegable;
        this.contentSearch = contentSearch;
    }

    boolean matches(SearchQuery query, SearchCandidate c) {
        if (delegable.test(query)) {
            return contentResults
                    .computeIfAbsent(query, contentSearch)
                    .contains(c.email().id());
        }
        return switch (query) {
            case SearchQuery.All all -> true;
            case SearchQuery.And and -> and.queries().stream().allMatch(q -> matches(q, c));
            case SearchQuery.Or or -> or.queries().stream().anyMatch(q -> matches(q, c));
            case SearchQuery.Not not -> !matches(not.query(), c);
            case SearchQuery.Content content ->
                throw new IllegalStateException("content criterion reached: " + content);
            case SearchQuery.OnDate on -> onDate(on, c);
            case SearchQuery.AtTime at -> atTime(at, c);
            case SearchQuery.Size size ->
                size.larger() ? c.email().size() > size.size() : c.email().size() < size.size();
            case SearchQuery.HasKeyword kw -> c.email().keywords().contains(kw.keyword());
            case SearchQuery.Deleted deleted ->
                c.membership() != null && c.membership().deleted();
            case SearchQuery.Uids uids ->
                c.membership() != null && uids.uids().contains(c.membership().uid());
            case SearchQuery.ModSeqAtLeast m -> modSeq(c) >= m.modSeq();
            case SearchQuery.EmailIds ids -> ids.ids().contains(c.email().id());
            case SearchQuery.ThreadIds ids -> ids.ids().contains(c.email().threadId());
            case SearchQuery.InMailbox in ->
                c.mailboxes() != null
                        ? c.mailboxes().contains(in.mailbox())
                        : c.membership() != null && c.membership().mailboxId().equals(in.mailbox());
            case SearchQuery.HasAttachment has -> c.email().summary().hasAttachment();
        };
    }

    private static long modSeq(SearchCandidate c) {
        return c.membership() != null ? c.membership().modSeq() : c.email().modSeq();
    }

    private Instant instant(DateField field, SearchCandidate c) {
        return switch (field) {
            case RECEIVED -> c.email().receivedAt();
            case SENT -> c.email().summary().sentAt();
            case SAVED -> c.membership() != null ? c.membership().savedAt() : null;
        };
    }

    private boolean onDate(SearchQuery.OnDate on, SearchCandidate c) {
        Instant instant = instant(on.field(), c);
        if (instant == null) {
            return false;
        }
        LocalDate day = LocalDate.ofInstant(instant, zone);
        return switch (on.comparison()) {
            case BEFORE -> day.isBefore(on.date());
            case ON -> day.isEqual(on.date());
            case SINCE -> !day.isBefore(on.date());
        };
    }

    private boolean atTime(SearchQuery.AtTime at, SearchCandidate c) {
        Instant instant = instant(at.field(), c);
        if (instant == null) {
            return false;
        }
        return at.before() ? instant.isBefore(at.instant()) : !instant.isBefore(at.instant());
    }

    /** Whether evaluating needs the set of every mailbox of each email (only account-wide InMailbox does). */
    static boolean needsMailboxes(SearchQuery query) {
        return switch (query) {
            case SearchQuery.InMailbox in -> true;
            case SearchQuery.And and -> and.queries().stream().anyMatch(QueryEvaluator::needsMailboxes);
            case SearchQuery.Or or -> or.queries().stream().anyMatch(QueryEvaluator::needsMailboxes);
            case SearchQuery.Not not -> needsMailboxes(not.query());
            default -> false;
        };
    }
}
