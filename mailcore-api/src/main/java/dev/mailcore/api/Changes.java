/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

/** The account change log: what changed since a MODSEQ (CONDSTORE, QRESYNC, JMAP /changes, DAV sync). */
public interface Changes {
    /** The account's current MODSEQ: the JMAP state of every type and the base of IMAP HIGHESTMODSEQ. */
    long highestModSeq(AccountId account);

    /**
     * The changes after {@code modSeq}, oldest first, at most {@code maxChanges} operations' worth: the set never
     * splits one MODSEQ, so it may hold more entries than {@code maxChanges} when one operation made many.
     *
     * @throws MailException {@link ErrorReason#CHANGES_UNAVAILABLE} when {@code modSeq} is older than the log keeps
     *     or newer than the account's MODSEQ; {@link ErrorReason#INVALID_ARGUMENT} for {@code maxChanges < 1}
     */
    ChangeSet since(AccountId account, long modSeq, int maxChanges);

    /**
     * The UIDs that left a mailbox after {@code modSeq} (QRESYNC VANISHED (EARLIER)).
     *
     * @throws MailException {@link ErrorReason#CHANGES_UNAVAILABLE} as for {@link #since}
     */
    UidSet removedSince(AccountId account, MailboxId mailbox, long modSeq);
}
