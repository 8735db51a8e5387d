/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

import dev.mailcore.api.message.MessageSummary;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Messages in mailboxes: add, copy, move, flag, expunge, and read metadata. Every change is durable when the method
 * returns, takes one new MODSEQ for the whole call, and is published as one {@link AccountChanged}.
 */
public interface Messages {
    /**
     * Adds a message to a mailbox. The content is read to the end, stored, and its structure extracted.
     *
     * @throws MailException {@link ErrorReason#MAILBOX_NOT_FOUND}; {@link ErrorReason#INVALID_MESSAGE} for an empty
     *     message; {@link ErrorReason#OVER_QUOTA}; {@link ErrorReason#TOO_LARGE} above the engine's size limit
     */
    AppendResult append(AccountId account, MailboxId mailbox, AppendRequest request);

    /** Adds several messages atomically (IMAP MULTIAPPEND): all are added or, on failure, none. */
    List<AppendResult> appendAll(AccountId account, MailboxId mailbox, List<AppendRequest> requests);

    /**
     * Copies messages, in UID order, to another mailbox; UIDs not in the source are ignored.
     *
     * @throws MailException {@link ErrorReason#MAILBOX_NOT_FOUND}; {@link ErrorReason#OVER_QUOTA}
     */
    CopyResult copy(AccountId account, MailboxId from, UidSet uids, MailboxId to);

    /** Moves messages atomically (IMAP MOVE, RFC 6851): like copy, and the source memberships are removed. */
    CopyResult move(AccountId account, MailboxId from, UidSet uids, MailboxId to);

    /**
     * Changes flags of messages in a mailbox (IMAP STORE). Keywords belong to the email, so other mailboxes holding
     * it see them too; {@code \Deleted} belongs to this mailbox only.
     *
     * @param unchangedSince CONDSTORE UNCHANGEDSINCE: skip (and report as modified) messages whose MODSEQ is higher
     */
    FlagUpdateResult updateFlags(
            AccountId account, MailboxId mailbox, UidSet uids, FlagChange change, OptionalLong unchangedSince);

    /**
     * Changes an email as JMAP Email/set does: replace its keywords (null leaves them), and add it to or remove it from
     * mailboxes. Removing it from its last mailbox destroys it.
     *
     * @throws MailException {@link ErrorReason#EMAIL_NOT_FOUND}; {@link ErrorReason#MAILBOX_NOT_FOUND}
     */
    void updateEmail(
            AccountId account, EmailId email, Set<String> keywords, Set<MailboxId> addTo, Set<MailboxId> removeFrom);

    /** Destroys emails: removes them from every mailbox. Unknown ids are ignored; returns those destroyed. */
    Set<EmailId> destroy(AccountId account, Collection<EmailId> emails);

    /**
     * Removes the messages marked {@code \Deleted} from a mailbox (IMAP EXPUNGE), or only those also in
     * {@code restrictTo} (UID EXPUNGE) when it is not null.
     */
    ExpungeResult expunge(AccountId account, MailboxId mailbox, UidSet restrictTo);

    /**
     * Removes the messages with these UIDs from a mailbox whether or not they are marked {@code \Deleted}, in one
     * transaction (POP3 QUIT). UIDs not present are skipped.
     */
    ExpungeResult remove(AccountId account, MailboxId mailbox, UidSet uids);

    /** The UIDs of a mailbox, ascending. */
    long[] uids(AccountId account, MailboxId mailbox);

    /**
     * The UIDs of a mailbox as ranges of consecutive UIDs; what IMAP SELECT builds its sequence numbers from. On a
     * mailbox without gaps it costs two numbers, whatever the mailbox holds.
     */
    default UidSet uidRanges(AccountId account, MailboxId mailbox) {
        return UidSet.ofAscending(uids(account, mailbox));
    }

    /** Metadata of the messages with these UIDs, ascending; UIDs not present are skipped. */
    List<MessageMeta> list(AccountId account, MailboxId mailbox, UidSet uids);

    /** As {@link #list(AccountId, MailboxId, UidSet)}, only messages whose MODSEQ is above {@code changedSince}. */
    List<MessageMeta> listChangedSince(AccountId account, MailboxId mailbox, UidSet uids, long changedSince);

    /**
     * UID, MODSEQ and flags of the messages with these UIDs whose MODSEQ is above {@code changedSince} (0 for all),
     * ascending: what IMAP FETCH of FLAGS, UID and MODSEQ only needs. Far cheaper than {@link #list} on a large
     * mailbox, as it reads no email metadata beyond the keywords.
     *
     * @throws MailException {@link ErrorReason#MAILBOX_NOT_FOUND}
     */
    FlagListing flags(AccountId account, MailboxId mailbox, UidSet uids, long changedSince);

    /**
     * Metadata of the messages at 1-based positions {@code first..last} (inclusive) of the mailbox in UID order,
     * clamped to the mailbox's size.
     */
    List<MessageMeta> listByPosition(AccountId account, MailboxId mailbox, long first, long last);

    /** The content summaries (envelope, structure, ...) of emails; unknown ids are left out. */
    Map<EmailId, MessageSummary> summaries(AccountId account, Collection<EmailId> emails);

    /** Emails as JMAP sees them; unknown ids are left out. */
    Map<EmailId, Email> emails(AccountId account, Collection<EmailId> emails);

    /**
     * The emails of a thread, oldest received first.
     *
     * @throws MailException {@link ErrorReason#NOT_FOUND} for a thread the account does not have
     */
    List<EmailId> thread(AccountId account, ThreadId thread);
}
