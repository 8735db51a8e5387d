/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.api.spi.SearchDocument;
import dev.mailcore.api.spi.SearchIndex;
import dev.mailcore.store.memory.internal.search.FoldedDocument;
import dev.mailcore.store.memory.internal.search.QueryCompiler;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The reference {@link SearchIndex}: keeps every document in memory and answers a search by testing each document of
 * the account. Its matching rules are the ones every other index is measured against; it suits tests, demos and small
 * accounts, not mailboxes of hundreds of thousands of messages.
 *
 * <pre>{@code
 * SearchIndex index = new ScanSearchIndex();
 * index.index(account, emailId, document);
 * Set<EmailId> hits = index.search(account, new SearchQuery.SubjectContains("hello world"));
 * }</pre>
 *
 * <h2>Matching</h2>
 *
 * Every text criterion is a substring test after both the document's field and the search text are folded:
 *
 * <ul>
 *   <li>case-insensitive with full case folding: lower-, upper- then lower-cased with {@code Locale.ROOT} and final
 *       sigma mapped to sigma, so {@code GRÜSSE}, {@code grüsse} and {@code Grüße} are all equal;
 *   <li>NFC-composed, so decomposed and precomposed accents are equal; accents are not removed ({@code u} does not
 *       match {@code ü});
 *   <li>every run of whitespace (space, tab, CR, LF, no-break space and the other Unicode spaces) counts as one
 *       space, so {@code "hello world"} finds {@code "Hello\r\n world"}.
 * </ul>
 *
 * The body matches substrings too (also inside words). An empty search text matches every document, except in
 * {@link SearchQuery.HeaderContains}, where it matches the documents that have the header. Header names compare
 * case-insensitively and every field of that name is tried. {@link SearchQuery.TextContains} looks at every header
 * value, the subject, the address fields and the body, each on its own (a match never spans two fields), but not at
 * attachment names. {@link SearchQuery.Not} is the complement within the account's documents.
 *
 * <h2>Concurrency and memory</h2>
 *
 * All methods are thread-safe and take effect before they return: a search started after {@link #index} returned
 * sees the document. The folded copy of each field is made once, at index time; the index keeps only that copy, so
 * its memory is proportional to the indexed text. A search is linear in the account's text.
 */
public final class ScanSearchIndex implements SearchIndex {
    private final Map<AccountId, Map<EmailId, FoldedDocument>> accounts = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** An empty index. */
    public ScanSearchIndex() {}

    /**
     * Indexes the document, replacing any earlier document of that email.
     *
     * @throws IllegalStateException if the index is closed
     */
    @Override
    public void index(AccountId account, EmailId email, SearchDocument document) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(email, "email");
        FoldedDocument folded = FoldedDocument.of(Objects.requireNonNull(document, "document"));
        ensureOpen();
        // Inserting under the account's map lock keeps a concurrent remove from dropping the map in between.
        accounts.compute(account, (id, documents) -> {
            Map<EmailId, FoldedDocument> target = documents != null ? documents : new ConcurrentHashMap<>();
            target.put(email, folded);
            return target;
        });
    }

    /**
     * Removes the email's document; does nothing if there is none.
     *
     * @throws IllegalStateException if the index is closed
     */
    @Override
    public void remove(AccountId account, EmailId email) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(email, "email");
        ensureOpen();
        accounts.computeIfPresent(account, (id, documents) -> {
            documents.remove(email);
            return documents.isEmpty() ? null : documents;
        });
    }

    /**
     * The account's emails that match, as an unmodifiable set.
     *
     * @throws IllegalArgumentException if the query is not {@linkplain SearchQuery#isContentOnly() content only}
     *     (And, Or, Not and All over content criteria are accepted)
     * @throws IllegalStateException if the index is closed
     */
    @Override
    public Set<EmailId> search(AccountId account, SearchQuery contentQuery) {
        Objects.requireNonNull(account, "account");
        Predicate<FoldedDocument> matcher = QueryCompiler.compile(Objects.requireNonNull(contentQuery, "query"));
        ensureOpen();
        Map<EmailId, FoldedDocument> documents = accounts.get(account);
        if (documents == null) {
            return Set.of();
        }
        Set<EmailId> hits = new HashSet<>();
        documents.forEach((email, document) -> {
            if (matcher.test(document)) {
                hits.add(email);
            }
        });
        return Collections.unmodifiableSet(hits);
    }

    /** Drops every document; later calls other than {@code close} throw {@link IllegalStateException}. */
    @Override
    public void close() {
        closed = true;
        accounts.clear();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("search index is closed");
        }
    }
}
