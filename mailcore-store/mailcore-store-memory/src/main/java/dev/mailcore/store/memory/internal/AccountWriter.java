/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory.internal;

import dev.mailcore.api.Change;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.UidSet;
import dev.mailcore.api.spi.EmailRecord;
import dev.mailcore.api.spi.MailboxRecord;
import dev.mailcore.api.spi.MessageRecord;
import dev.mailcore.api.spi.MetadataTransaction;
import dev.mailcore.api.spi.ThreadKey;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Set;

/**
 * A write transaction on an {@link AccountState}; the caller holds the account's write lock. Changes go straight
 * into the state and each pushes its inverse on an undo log; {@link #rollback()} runs the log backwards.
 *
 * <p>UID and UIDVALIDITY allocations are deliberately left out of the undo log: a value handed out is never handed
 * out again.
 */
public final class AccountWriter extends AccountReader implements MetadataTransaction {
    private final Deque<Runnable> undo = new ArrayDeque<>();

    public AccountWriter(AccountState state) {
        super(state);
    }

    /** Undoes every change of this transaction, newest first. */
    public void rollback() {
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
    }

    @Override
    public long nextModSeq() {
        checkOpen();
        long old = state.highestModSeq;
        state.highestModSeq = old + 1;
        undo.push(() -> state.highestModSeq = old);
        return old + 1;
    }

    @Override
    public long allocateUids(MailboxId mailbox, int count) {
        checkOpen();
        MailboxSlot slot = requireMailbox(mailbox);
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        long first = slot.uidNext;
        if (first + count - 1 > UidSet.MAX_UID) {
            throw new IllegalStateException("mailbox " + mailbox + " has no UIDs left");
        }
        slot.uidNext = first + count;
        return first;
    }

    @Override
    public long allocateUidValidity(long atLeast) {
        checkOpen();
        long value = Math.max(atLeast, state.lastUidValidity + 1);
        if (value > UidSet.MAX_UID) {
            throw new IllegalStateException("no UIDVALIDITY left above " + state.lastUidValidity);
        }
        state.lastUidValidity = value;
        return value;
    }

    @Override
    public void insertMailbox(MailboxRecord mailbox) {
        checkOpen();
        if (state.mailboxes.containsKey(mailbox.id())) {
            throw new IllegalStateException("mailbox " + mailbox.id() + " exists");
        }
        state.mailboxes.put(mailbox.id(), new MailboxSlot(mailbox));
        undo.push(() -> state.mailboxes.remove(mailbox.id()));
    }

    @Override
    public void updateMailbox(MailboxRecord mailbox) {
        checkOpen();
        MailboxSlot slot = requireMailbox(mailbox.id());
        MailboxRecord old = slot.record;
        slot.record = mailbox;
        undo.push(() -> slot.record = old);
    }

    @Override
    public void deleteMailbox(MailboxId mailbox) {
        checkOpen();
        MailboxSlot slot = requireMailbox(mailbox);
        if (!slot.messages.isEmpty()) {
            throw new IllegalStateException("mailbox " + mailbox + " still has " + slot.messages.size() + " messages");
        }
        state.mailboxes.remove(mailbox);
        // The same slot comes back, so UIDs allocated before the delete stay allocated.
        undo.push(() -> state.mailboxes.put(mailbox, slot));
    }

    @Override
    public void insertEmail(EmailRecord email) {
        checkOpen();
        if (state.emails.containsKey(email.id())) {
            throw new IllegalStateException("email " + email.id() + " exists");
        }
        state.putEmail(email);
        undo.push(() -> state.removeEmail(email.id()));
    }

    @Override
    public void updateEmail(EmailId email, Set<String> keywords, long modSeq) {
        checkOpen();
        EmailRecord old = requireEmail(email);
        state.putEmail(old.withKeywords(keywords, modSeq));
        undo.push(() -> state.putEmail(old));
    }

    @Override
    public void deleteEmail(EmailId email) {
        checkOpen();
        EmailRecord old = requireEmail(email);
        if (state.hasMemberships(email)) {
            throw new IllegalStateException("email " + email + " is still in a mailbox");
        }
        state.removeEmail(email);
        undo.push(() -> state.putEmail(old));
    }

    @Override
    public void insertMessage(MessageRecord message) {
        checkOpen();
        MailboxSlot slot = requireMailbox(message.mailboxId());
        requireEmail(message.emailId());
        if (slot.messages.containsKey(message.uid())) {
            throw new IllegalStateException("UID " + message.uid() + " is taken in mailbox " + message.mailboxId());
        }
        state.putMessage(message);
        long oldHighest = raiseHighestModSeq(slot, message.modSeq());
        undo.push(() -> {
            slot.highestModSeq = oldHighest;
            state.removeMessage(message.mailboxId(), message.uid());
        });
    }

    @Override
    public void updateMessage(MessageRecord message) {
        checkOpen();
        MailboxSlot slot = requireMailbox(message.mailboxId());
        MessageRecord old = requireMessage(slot, message.mailboxId(), message.uid());
        if (!old.emailId().equals(message.emailId())) {
            throw new IllegalStateException("UID " + message.uid() + " in mailbox " + message.mailboxId()
                    + " holds email " + old.emailId() + ", not " + message.emailId());
        }
        state.putMessage(message);
        long oldHighest = raiseHighestModSeq(slot, message.modSeq());
        undo.push(() -> {
            slot.highestModSeq = oldHighest;
            state.putMessage(old);
        });
    }

    @Override
    public void deleteMessage(MailboxId mailbox, long uid, long modSeq) {
        checkOpen();
        MailboxSlot slot = requireMailbox(mailbox);
        MessageRecord old = requireMessage(slot, mailbox, uid);
        state.removeMessage(mailbox, uid);
        long oldHighest = raiseHighestModSeq(slot, modSeq);
        undo.push(() -> {
            slot.highestModSeq = oldHighest;
            state.putMessage(old);
        });
    }

    @Override
    public void appendChanges(Collection<? extends Change> changes) {
        checkOpen();
        for (Change change : changes) {
            int index = state.changes.add(change);
            undo.push(() -> state.changes.removeAt(index));
        }
    }

    @Override
    public void putThreadKeys(Collection<ThreadKey> keys) {
        checkOpen();
        for (ThreadKey key : keys) {
            ThreadKey old = state.threadKeys.put(key.messageId(), key);
            undo.push(() -> {
                if (old == null) {
                    state.threadKeys.remove(key.messageId());
                } else {
                    state.threadKeys.put(key.messageId(), old);
                }
            });
        }
    }

    @Override
    public void adjustUsage(long bytes, long messages) {
        checkOpen();
        state.usageBytes += bytes;
        state.usageMessages += messages;
        undo.push(() -> {
            state.usageBytes -= bytes;
            state.usageMessages -= messages;
        });
    }

    private static long raiseHighestModSeq(MailboxSlot slot, long modSeq) {
        long old = slot.highestModSeq;
        slot.highestModSeq = Math.max(old, modSeq);
        return old;
    }

    private MailboxSlot requireMailbox(MailboxId id) {
        MailboxSlot slot = state.mailboxes.get(id);
        if (slot == null) {
            throw new IllegalStateException("no mailbox " + id);
        }
        return slot;
    }

    private EmailRecord requireEmail(EmailId id) {
        EmailRecord email = state.emails.get(id);
        if (email == null) {
            throw new IllegalStateException("no email " + id);
        }
        return email;
    }

    private static MessageRecord requireMessage(MailboxSlot slot, MailboxId mailbox, long uid) {
        MessageRecord message = slot.messages.get(uid);
        if (message == null) {
            throw new IllegalStateException("no UID " + uid + " in mailbox " + mailbox);
        }
        return message;
    }
}
