/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.spi;

import dev.mailcore.api.Change;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailboxId;
import java.util.Collection;
import java.util.Set;

/**
 * Writes to one account's metadata inside a {@link MetadataStore#write} transaction. Methods that name an object
 * that must exist throw {@link IllegalStateException} when it does not; the engine checks first, so this signals a
 * bug, not a client error.
 */
public interface MetadataTransaction extends MetadataReader {
    /** Increments the account's MODSEQ and returns the new value (the first is 1). */
    long nextModSeq();

    /**
     * Reserves {@code count} consecutive UIDs in a mailbox and returns the first; UIDNEXT moves past them. UIDs are
     * never handed out twice, even when the transaction rolls back (gaps are allowed).
     */
    long allocateUids(MailboxId mailbox, int count);

    /**
     * Returns a UIDVALIDITY for a new mailbox: at least {@code atLeast}, and greater than any this account was given
     * before, so a mailbox deleted and created again never has its old value.
     */
    long allocateUidValidity(long atLeast);

    /** Inserts a mailbox with UIDNEXT 1 and HIGHESTMODSEQ 0. @throws IllegalStateException if the id exists */
    void insertMailbox(MailboxRecord mailbox);

    /** Replaces a mailbox's properties (not its counters). @throws IllegalStateException if unknown */
    void updateMailbox(MailboxRecord mailbox);

    /** Deletes a mailbox. @throws IllegalStateException if unknown or it still has memberships */
    void deleteMailbox(MailboxId mailbox);

    /** @throws IllegalStateException if the id exists */
    void insertEmail(EmailRecord email);

    /** Replaces the keywords of an email and sets its update MODSEQ. @throws IllegalStateException if unknown */
    void updateEmail(EmailId email, Set<String> keywords, long modSeq);

    /** @throws IllegalStateException if unknown or it still has memberships */
    void deleteEmail(EmailId email);

    /**
     * Inserts a membership; the mailbox's HIGHESTMODSEQ rises to its MODSEQ.
     *
     * @throws IllegalStateException if the mailbox or email is unknown, or the UID is taken
     */
    void insertMessage(MessageRecord message);

    /**
     * Replaces a membership's MODSEQ, {@code \Deleted} mark and save date; HIGHESTMODSEQ rises to its MODSEQ.
     *
     * @throws IllegalStateException if unknown
     */
    void updateMessage(MessageRecord message);

    /**
     * Deletes a membership; the mailbox's HIGHESTMODSEQ rises to {@code modSeq}.
     *
     * @throws IllegalStateException if unknown
     */
    void deleteMessage(MailboxId mailbox, long uid, long modSeq);

    /** Appends entries to the change log. */
    void appendChanges(Collection<? extends Change> changes);

    /** Records thread keys; an existing key for the same Message-ID is replaced. */
    void putThreadKeys(Collection<ThreadKey> keys);

    /** Adds to the account's usage counters (negative to subtract). */
    void adjustUsage(long bytes, long messages);
}
