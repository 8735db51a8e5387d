/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.spi;

import dev.mailcore.api.Change;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.FlagListing;
import dev.mailcore.api.Flags;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.ThreadId;
import dev.mailcore.api.UidSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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

    /**
     * The UIDs of a mailbox as ranges of consecutive UIDs (what IMAP SELECT numbers its messages from); empty for an
     * unknown mailbox. The default builds them from {@link #uids}; a store that keeps the ranges answers without
     * visiting every message.
     */
    default UidSet uidRanges(MailboxId mailbox) {
        return UidSet.ofAscending(uids(mailbox));
    }

    /** Memberships in a mailbox whose UID is in {@code uids} and whose MODSEQ is above {@code changedSince}, by UID. */
    List<MessageRecord> messages(MailboxId mailbox, UidSet uids, long changedSince);

    /**
     * UID, MODSEQ and flags of the memberships in a mailbox whose UID is in {@code uids} and whose MODSEQ is above
     * {@code changedSince}, ascending by UID (IMAP FETCH FLAGS, CONDSTORE flag updates). Flags are the email's
     * keywords with the membership's {@code \Deleted} mark, as {@link #messages} joined with {@link #emails} would
     * give; an empty listing for an unknown mailbox.
     *
     * <p>The default joins those two reads. An adapter should override it with one read that skips the content
     * summaries: it is what makes a flags-only FETCH of a large mailbox fast.
     */
    default FlagListing flags(MailboxId mailbox, UidSet uids, long changedSince) {
        List<MessageRecord> messages = messages(mailbox, uids, changedSince);
        Map<EmailId, EmailRecord> emails =
                emails(messages.stream().map(MessageRecord::emailId).toList());
        FlagListing.Builder out = FlagListing.builder(messages.size());
        for (MessageRecord message : messages) {
            EmailRecord email = emails.get(message.emailId());
            if (email != null) {
                out.add(message.uid(), message.modSeq(), new Flags(email.keywords(), message.deleted()));
            }
        }
        return out.build();
    }

    /** Every membership of an email (the mailboxes it is in). */
    List<MessageRecord> memberships(EmailId email);

    Optional<EmailRecord> email(EmailId id);

    /** The emails with these ids, unknown ones left out. */
    Map<EmailId, EmailRecord> emails(Collection<EmailId> ids);

    /**
     * The emails of a mailbox newest received first, emails received at the same instant by id ascending: at most
     * {@code limit} of them, from {@code position} on (0 is the newest). Empty for an unknown mailbox or a position
     * at or past the end. It is the list a mail client opens a mailbox with, one screen at a time.
     *
     * <p>The default reads every membership and email of the mailbox and sorts them. An adapter should override it
     * with a read that visits only the page, from an order it keeps: that is what makes the first screen of a large
     * mailbox cost the screen rather than the mailbox.
     *
     * @throws IllegalArgumentException for a negative {@code position} or {@code limit}
     */
    default List<EmailId> emailsByArrival(MailboxId mailbox, int position, int limit) {
        ArrivalOrder.checkPage(position, limit);
        List<EmailId> ids = messages(mailbox, UidSet.all(), 0).stream()
                .map(MessageRecord::emailId)
                .toList();
        List<EmailRecord> emails = new ArrayList<>(emails(ids).values());
        emails.sort(ArrivalOrder.NEWEST_FIRST);
        return emails.stream()
                .skip(position)
                .limit(limit)
                .map(EmailRecord::id)
                .collect(Collectors.toCollection(ArrayList::new));
    }

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
