/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import dev.mailcore.api.search.DateField;
import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.api.spi.SearchMetadata;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Decides which subtrees of a query the search index answers, and writes them in the terms it understands. An index
 * that {@linkplain dev.mailcore.api.spi.SearchIndex#indexesMetadata() keeps metadata} gets the metadata criteria
 * mixed with content ones in one query; a subtree without any content criterion stays with the engine, which reads
 * metadata exactly, so a query that needs no text never depends on the index being complete.
 *
 * @param metadata whether the index keeps metadata
 * @param mailboxSearch whether the search is in one mailbox: there, {@code InMailbox} means "this is the searched
 *     mailbox" rather than "the email is also in that one", so it stays with the engine
 */
record IndexQueries(boolean metadata, boolean mailboxSearch, ZoneId zone) {

    /** Whether the index answers {@code query} as a whole. */
    boolean delegable(SearchQuery query) {
        if (query instanceof SearchQuery.All) {
            return false;
        }
        if (query.isContentOnly()) {
            return true;
        }
        return metadata && onlyIndexed(query) && hasContent(query);
    }

    private boolean onlyIndexed(SearchQuery query) {
        return switch (query) {
            case SearchQuery.And and -> and.queries().stream().allMatch(this::onlyIndexed);
            case SearchQuery.Or or -> or.queries().stream().allMatch(this::onlyIndexed);
            case SearchQuery.Not not -> onlyIndexed(not.query());
            case SearchQuery.OnDate on ->
                on.field() != DateField.SAVED && on.date().isBefore(LocalDate.MAX);
            case SearchQuery.InMailbox in -> !mailboxSearch;
            default -> query.isContentOnly() || SearchMetadata.answers(query);
        };
    }

    /** Whether some leaf of {@code query} is a content criterion. */
    static boolean hasContent(SearchQuery query) {
        return switch (query) {
            case SearchQuery.Content content -> true;
            case SearchQuery.And and -> and.queries().stream().anyMatch(IndexQueries::hasContent);
            case SearchQuery.Or or -> or.queries().stream().anyMatch(IndexQueries::hasContent);
            case SearchQuery.Not not -> hasContent(not.query());
            default -> false;
        };
    }

    /**
     * The query as the index gets it: a day ({@code OnDate}) becomes a range of instants in the engine's zone, which
     * matches the same emails because a day in a zone is one contiguous range of instants.
     */
    SearchQuery forIndex(SearchQuery query) {
        return switch (query) {
            case SearchQuery.And and ->
                new SearchQuery.And(and.queries().stream().map(this::forIndex).toList());
            case SearchQuery.Or or ->
                new SearchQuery.Or(or.queries().stream().map(this::forIndex).toList());
            case SearchQuery.Not not -> new SearchQuery.Not(forIndex(not.query()));
            case SearchQuery.OnDate on -> days(on);
            default -> query;
        };
    }

    private SearchQuery days(SearchQuery.OnDate on) {
        Instant start = startOf(on.date());
        return switch (on.comparison()) {
            case BEFORE -> new SearchQuery.AtTime(on.field(), true, start);
            case SINCE -> new SearchQuery.AtTime(on.field(), false, start);
            case ON ->
                SearchQuery.and(
                        new SearchQuery.AtTime(on.field(), false, start),
                        new SearchQuery.AtTime(
                                on.field(), true, startOf(on.date().plusDays(1))));
        };
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
