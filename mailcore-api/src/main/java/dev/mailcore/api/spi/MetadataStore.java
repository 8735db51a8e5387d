/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.spi;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.BlobId;
import java.util.Collection;
import java.util.Set;
import java.util.function.Function;

/**
 * Storage of an account's metadata: mailboxes, emails, memberships, counters, the change log and thread keys. The
 * mailbox engine holds all the logic; an adapter stores rows and keeps transactions.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>Atomicity.</b> {@link #write} runs {@code work} in one transaction: when it returns normally every change
 *       it made is committed; when it throws, none is visible, ever, and the exception propagates unchanged.
 *   <li><b>Isolation.</b> Write transactions of one account are serializable: they behave as if run one at a time
 *       (an adapter may simply serialize them per account). A {@link #read} sees one consistent committed state.
 *       Transactions of different accounts never wait for each other longer than a row lock.
 *   <li><b>Durability.</b> When {@link #write} returns, the transaction survives a crash of the process (an
 *       in-memory adapter is exempt, and says so).
 *   <li><b>Threads.</b> Both methods are safe to call from any number of threads. The transaction object passed to
 *       {@code work} belongs to that call and must not escape it. {@code work} must not open another transaction.
 *   <li><b>Errors.</b> Storage failures surface as {@link dev.mailcore.api.MailException} with reason
 *       {@code UNAVAILABLE} (try again) or {@code CORRUPTION}; misuse (such as deleting a mailbox that still has
 *       messages) as {@link IllegalStateException}.
 * </ul>
 *
 * <p>The suite {@code MetadataStoreContract} in mailcore-store-core's test-jar checks all of the above.
 */
public interface MetadataStore extends BlobReferences, AutoCloseable {
    /** Runs {@code work} in a read-only transaction on one account. */
    <T> T read(AccountId account, Function<MetadataReader, T> work);

    /**
     * Runs {@code work}, a listing whose rows each stand alone (the UIDs of a mailbox, the flags of its messages), in a
     * read-only transaction that need not be one snapshot across its statements: each statement sees a committed
     * state, later statements perhaps a later one. A store whose snapshots cost much more than that (H2 reading
     * 100,000 rows) answers it with the weaker isolation; the default is {@link #read}.
     */
    default <T> T readLatest(AccountId account, Function<MetadataReader, T> work) {
        return read(account, work);
    }

    /** Runs {@code work} in a read-write transaction on one account; see the class contract. */
    <T> T write(AccountId account, Function<MetadataTransaction, T> work);

    /** The ids among {@code candidates} that an email of any account refers to, in committed state. */
    @Override
    Set<BlobId> referencedBlobs(Collection<BlobId> candidates);

    @Override
    void close();
}
