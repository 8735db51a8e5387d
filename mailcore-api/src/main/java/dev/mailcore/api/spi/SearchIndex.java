/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.spi;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.search.SearchQuery;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Answers the content criteria of searches ({@link SearchQuery.Content} and boolean nodes over them); the engine
 * answers the rest from metadata.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>{@link #index} and {@link #remove} may work asynchronously, but a {@link #search} that starts after
 *       {@link #index} returned sees that email, and one after {@link #remove} returned does not.
 *   <li>Matching: case-insensitive substring for headers, addresses, subjects and attachment names; the body may
 *       match words or prefixes, as the adapter documents. Documents of one account are never seen by another.
 *   <li>All methods are safe from any number of threads.
 *   <li>{@link #search} receives only queries for which {@link SearchQuery#isContentOnly()} holds, and throws
 *       {@link IllegalArgumentException} for others — unless the index {@linkplain #indexesMetadata() indexes
 *       metadata}: then the leaves may also be the criteria {@link SearchMetadata#answers} accepts, matched against
 *       the last {@link SearchMetadata} given for each email.
 * </ul>
 *
 * <p>The suite {@code SearchIndexContract} in mailcore-store-core's test-jar checks all of the above.
 */
public interface SearchIndex extends AutoCloseable {
    void index(AccountId account, EmailId email, SearchDocument document);

    void remove(AccountId account, EmailId email);

    /** The ids of the account's indexed emails that match. */
    Set<EmailId> search(AccountId account, SearchQuery contentQuery);

    /**
     * Whether this index keeps each email's {@link SearchMetadata} and answers the criteria that
     * {@link SearchMetadata#answers} accepts, so that the engine sends a query mixing them with content criteria as
     * one query. Default false: the engine answers metadata criteria itself.
     */
    default boolean indexesMetadata() {
        return false;
    }

    /**
     * Indexes the document together with the email's metadata, as {@link #index(AccountId, EmailId, SearchDocument)}
     * followed by {@link #updateMetadata}; the engine calls it instead of those two for an email whose text it indexes
     * (a new email, or one indexed again), when {@link #indexesMetadata()} holds. An index that keeps metadata should
     * write both at once, so that a new email costs one write. The default calls the two methods.
     */
    default void index(AccountId account, EmailId email, SearchDocument document, SearchMetadata metadata) {
        index(account, email, document);
        if (indexesMetadata()) {
            updateMetadata(account, email, metadata);
        }
    }

    /**
     * Replaces the metadata of an indexed email; does nothing for an email that is not indexed. Called only when
     * {@link #indexesMetadata()} holds, after the email was indexed, for each later change to it (keywords,
     * mailboxes). Must not analyze the email's text again. Same visibility rule as {@link #index}.
     */
    default void updateMetadata(AccountId account, EmailId email, SearchMetadata metadata) {}

    /**
     * Tells the index that every change of the account up to {@code modSeq} has been handed to it ({@link #index},
     * {@link #remove}, {@link #updateMetadata}); an index that persists records it with its next durable commit, and
     * reports it from {@link #durableModSeq} after a restart, so that its owner replays only the change log after it.
     * Values lower than one recorded before are ignored.
     */
    default void appliedUpTo(AccountId account, long modSeq) {}

    /**
     * The MODSEQ up to which every change of the account is durably in this index, or empty when unknown (a new or
     * rebuilt index, an account never written through it, or an index that does not track it): then the owner
     * indexes the whole account again.
     */
    default OptionalLong durableModSeq(AccountId account) {
        return OptionalLong.empty();
    }

    @Override
    void close();
}
