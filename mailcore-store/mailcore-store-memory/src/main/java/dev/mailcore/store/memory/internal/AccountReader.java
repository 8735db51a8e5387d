/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory.internal;

import dev.mailcore.api.Change;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.FlagListing;
import dev.mailcore.api.Flags;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.ThreadId;
import dev.mailcore.api.UidSet;
import dev.mailcore.api.spi.ArrivalOrder;
import dev.mailcore.api.spi.EmailRecord;
import dev.mailcore.api.spi.MailboxCounts;
import dev.mailcore.api.spi.MailboxRecord;
import dev.mailcore.api.spi.MailboxState;
import dev.mailcore.api.spi.MessageRecord;
import dev.mailcore.api.spi.MetadataReader;
import dev.mailcore.api.spi.ThreadKey;
import dev.mailcore.api.spi.Usage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads of an {@link AccountState} for the length of one transaction; the caller holds the account's lock. Every
 * call after {@link #close()} throws {@link IllegalStateException}, so a reader that escaped its transaction fails
 * loudly instead of reading without the lock.
 */
public class AccountReader implements MetadataReader {
    final AccountState state;
    private boolean open = true;

    public AccountReader(AccountState state) {
        this.state = state;
    }

    /** Ends the transaction this reader belongs to. */
    public void close() {
        open = false;
    }

    final void checkOpen() {
        if (!open) {
            throw new IllegalStateException("the transaction has ended; do not keep its reader");
        }
    }

    @Override
    public long highestModSeq() {
        checkOpen();
        return state.highestModSeq;
    }

    @Override
    public long changeLogFloor() {
        checkOpen();
        return 0; // nothing is ever pruned
    }

    @Override
    public List<MailboxRecord> mailboxes() {
        checkOpen();
        List<MailboxRecord> out = new ArrayList<>(state.mailboxes.size());
        for (MailboxSlot slot : state.mailboxes.values()) {
            out.add(slot.record);
        }
        return out;
    }

    @Override
    public Optional<MailboxRecord> mailbox(MailboxId id) {
        checkOpen();
        return Optional.ofNullable(state.mailboxes.get(id)).map(slot -> slot.record);
    }

    @Override
    public Optional<MailboxState> mailboxState(MailboxId id) {
        checkOpen();
        return Optional.ofNullable(state.mailboxes.get(id)).map(MailboxSlot::state);
    }

    @Override
    public MailboxCounts counts(MailboxId id) {
        checkOpen();
        MailboxSlot slot = state.mailboxes.get(id);
        return slot == null ? MailboxCounts.ZERO : slot.counts();
    }

    @Override
    public long[] uids(MailboxId mailbox) {
        checkOpen();
        MailboxSlot slot = state.mailboxes.get(mailbox);
        if (slot == null) {
            return new long[0];
        }
        return slot.uids.toArray(slot.messages.size());
    }

    @Override
    public UidSet uidRanges(MailboxId mailbox) {
        checkOpen();
        MailboxSlot slot = state.mailboxes.get(mailbox);
        return slot == null ? UidSet.empty() : slot.uids.toUidSet();
    }

    @Override
    public List<MessageRecord> messages(MailboxId mailbox, UidSet uids, long changedSince) {
        checkOpen();
        MailboxSlot slot = state.mailboxes.get(mailbox);
        List<MessageRecord> out = new ArrayList<>();
        if (slot == null || slot.messages.isEmpty()) {
            return out;
        }
        // Walk the ranges, never their members: 1:4294967295 on a small mailbox costs what the mailbox holds.
        for (int r = 0; r < uids.rangeCount(); r++) {
            for (MessageRecord message : slot.messages
                    .subMap(uids.rangeStart(r), true, uids.rangeEnd(r), true)
                    .values()) {
                if (message.modSeq() > changedSince) {
                    out.add(message);
                }
            }
        }
        return out;
    }

    @Override
    public FlagListing flags(MailboxId mailbox, UidSet uids, long changedSince) {
        checkOpen();
        MailboxSlot slot = state.mailboxes.get(mailbox);
        if (slot == null || slot.messages.isEmpty()) {
            return FlagListing.empty();
        }
        FlagListing.Builder out = FlagListing.builder(slot.messages.size());
        for (int r = 0; r < uids.rangeCount(); r++) {
            for (MessageRecord message : slot.messages
                    .subMap(uids.rangeStart(r), true, uids.rangeEnd(r), true)
                    .values()) {
                EmailRecord email = state.emails.get(message.emailId());
                if (message.modSeq() > changedSince && email != null) {
                    out.add(message.uid(), message.modSeq(), new Flags(email.keywords(), message.deleted()));
                }
            }
        }
        return out.build();
    }

    @Override
    public List<MessageRecord> memberships(EmailId email) {
        checkOpen();
        List<MessageRecord> out = new ArrayList<>();
        for (MembershipKey key : state.membershipsByEmail.getOrDefault(email, Set.of())) {
            out.add(state.mailboxes.get(key.mailbox()).messages.get(key.uid()));
        }
        return out;
    }

    @Override
    public Optional<EmailRecord> email(EmailId id) {
        checkOpen();
        return Optional.ofNullable(state.emails.get(id));
    }

    @Override
    public Map<EmailId, EmailRecord> emails(Collection<EmailId> ids) {
        checkOpen();
        Map<EmailId, EmailRecord> out = new HashMap<>();
        for (EmailId id : ids) {
            EmailRecord email = state.emails.get(id);
            if (email != null) {
                out.put(id, email);
            }
        }
        return out;
    }

    @Override
    public List<EmailId> emailsByArrival(MailboxId mailbox, int position, int limit) {
        checkOpen();
        ArrivalOrder.checkPage(position, limit);
        MailboxSlot slot = state.mailboxes.get(mailbox);
        return slot == null ? new ArrayList<>() : slot.arrivals.page(position, limit);
    }

    @Override
    public List<EmailId> emailIds() {
        checkOpen();
        return new ArrayList<>(state.emails.keySet());
    }

    @Override
    public List<EmailId> threadEmails(ThreadId thread) {
        checkOpen();
        return new ArrayList<>(state.threads.getOrDefault(thread, Set.of()));
    }

    @Override
    public List<Change> changesSince(long modSeq, int maxModSeqs) {
        checkOpen();
        if (maxModSeqs < 0) {
            throw new IllegalArgumentException("maxModSeqs must not be negative: " + maxModSeqs);
        }
        return state.changes.since(modSeq, maxModSeqs);
    }

    @Override
    public Map<String, ThreadKey> threadKeys(Collection<String> messageIds) {
        checkOpen();
        Map<String, ThreadKey> out = new HashMap<>();
        for (String messageId : messageIds) {
            ThreadKey key = state.threadKeys.get(messageId);
            if (key != null) {
                out.put(messageId, key);
            }
        }
        return out;
    }

    @Override
    public Usage usage() {
        checkOpen();
        return new Usage(state.usageBytes, state.usageMessages);
    }
}
