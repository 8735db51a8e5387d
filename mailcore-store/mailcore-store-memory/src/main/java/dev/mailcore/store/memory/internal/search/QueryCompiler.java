/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory.internal.search;

import dev.mailcore.api.search.SearchQuery;
import java.util.List;
import java.util.function.Predicate;

/**
 * Turns a content query into a predicate over {@link FoldedDocument}s, folding every search text once so that a scan
 * over many documents only runs substring tests.
 */
public final class QueryCompiler {
    private QueryCompiler() {}

    /**
     * The predicate for {@code query}.
     *
     * @throws IllegalArgumentException if the query has a node that is neither a {@link SearchQuery.Content}
     *     criterion nor And, Or, Not or All
     */
    public static Predicate<FoldedDocument> compile(SearchQuery query) {
        return switch (query) {
            case SearchQuery.All all -> document -> true;
            case SearchQuery.And and -> allOf(compileAll(and.queries()));
            case SearchQuery.Or or -> anyOf(compileAll(or.queries()));
            case SearchQuery.Not not -> compile(not.query()).negate();
            case SearchQuery.Content content -> compileContent(content);
            default -> throw new IllegalArgumentException("not a content criterion, the engine answers it: " + query);
        };
    }

    private static Predicate<FoldedDocument> compileContent(SearchQuery.Content content) {
        return switch (content) {
            case SearchQuery.HeaderContains header -> {
                String name = FoldedDocument.headerName(header.name());
                String text = TextFolding.fold(header.text());
                yield document -> document.headerContains(name, text);
            }
            case SearchQuery.AddressContains address -> {
                String text = TextFolding.fold(address.text());
                yield document -> document.address(address.field()).contains(text);
            }
            case SearchQuery.SubjectContains subject -> {
                String text = TextFolding.fold(subject.text());
                yield document -> document.subject().contains(text);
            }
            case SearchQuery.BodyContains body -> {
                String text = TextFolding.fold(body.text());
                yield document -> document.body().contains(text);
            }
            case SearchQuery.TextContains any -> {
                String text = TextFolding.fold(any.text());
                yield document -> document.textContains(text);
            }
            case SearchQuery.AttachmentNameContains attachment -> {
                String text = TextFolding.fold(attachment.text());
                yield document -> document.attachmentNameContains(text);
            }
        };
    }

    private static List<Predicate<FoldedDocument>> compileAll(List<SearchQuery> queries) {
        return queries.stream().map(QueryCompiler::compile).toList();
    }

    private static Predicate<FoldedDocument> allOf(List<Predicate<FoldedDocument>> predicates) {
        return document -> {
            for (Predicate<FoldedDocument> predicate : predicates) {
                if (!predicate.test(document)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static Predicate<FoldedDocument> anyOf(List<Predicate<FoldedDocument>> predicates) {
        return document -> {
            for (Predicate<FoldedDocument> predicate : predicates) {
                if (predicate.test(document)) {
                    return true;
                }
            }
            return false;
        };
    }
}
