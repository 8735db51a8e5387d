/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.spi;

import dev.mailcore.api.Change;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.ThreadId;
import dev.mailcore.api.UidSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads of one account's metadata inside a transaction. Lists are fresh and may be kept by the caller. Unknown
 * ids give empty results, never exceptions.
 */
public interface MetadataReader {
    /** The account's MODSEQ: 0 for an account never written. */
    long highestModSeq();

    /** The oldest MODSEQ after which the change log is complete; 0 while nothing was pruned. */
    long changeLogFloor();

    List<MailboxRecord> mailboxes();

    Optional<MailboxRecord> mailbox(MailboxId id);

    /** UIDNEXT and HIGHESTMODSEQ of a mailbox; empty for an unknown one. */
    Optional<MailboxState> mailboxState(MailboxId id);

    /** Message counts of a mailbox (zero counts for an unknown one). */
    MailboxCounts counts(MailboxId id);

    /** The UIDs of a mailbox, ascending. */
    long[] uids(MailboxId mailbox);

    /** Memberships in a mailbox whose UID is in {@code uids} and whose MODSEQ is above {@code changedSince}, by UID. */
    List<MessageRecord> messages(MailboxId mailbox, UidSet uids, long changedSince);

    /** Every membership of an email (the mailboxes it is in). */
    List<MessageRecord> memberships(EmailId email);

    Optional<EmailRecord> email(EmailId id);

    /** The emails with these ids, unknown ones left out. */
    Map<EmailId, EmailRecord> emails(Collection<EmailId> ids);

    /** Every email id of the account, in no particular order. */
    List<EmailId> emailIds();

    /** The emails of a thread, in no particular order. */
    List<EmailId> threadEmails(ThreadId thread);

    /** Entries with MODSEQ above {@code modSeq}, ascending, for at most {@code maxModSeqs} distinct MODSEQs. */
    List<Change> changesSince(long modSeq, int maxModSeqs);

    /** The threads known for these Message-IDs (without angle brackets); unknown ones left out. */
    Map<String, ThreadKey> threadKeys(Collection<String> messageIds);

    /** Octets and number of the account's emails. */
    Usage usage();
}
