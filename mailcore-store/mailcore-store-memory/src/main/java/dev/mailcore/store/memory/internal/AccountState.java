/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory.internal;

import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.ThreadId;
import dev.mailcore.api.spi.EmailRecord;
import dev.mailcore.api.spi.MessageRecord;
import dev.mailcore.api.spi.ThreadKey;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One account's metadata in plain collections, with its lock. Callers hold the lock: the read lock to read, the
 * write lock to change anything.
 *
 * <p>Each mutator keeps every index and counter in step with the data, so undoing a mutation is calling the
 * opposite mutator with the old value.
 */
public final class AccountState {
    static final String SEEN = "$seen";

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    long highestModSeq;
    long lastUidValidity;
    long usageBytes;
    long usageMessages;
    final Map<MailboxId, MailboxSlot> mailboxes = new TreeMap<>();
    final Map<EmailId, EmailRecord> emails = new HashMap<>();
    final Map<EmailId, Set<MembershipKey>> membershipsByEmail = new HashMap<>();
    final Map<ThreadId, Set<EmailId>> threads = new HashMap<>();
    final Map<String, ThreadKey> threadKeys = new HashMap<>();
    final ChangeLog changes = new ChangeLog();

    public ReentrantReadWriteLock lock() {
        return lock;
    }

    void putEmail(EmailRecord email) {
        EmailRecord old = emails.put(email.id(), email);
        if (old != null) {
            unlinkThread(old);
            long delta = unseen(email) - unseen(old);
            boolean moved = !old.receivedAt().equals(email.receivedAt());
            if (delta != 0 || moved) {
                for (MembershipKey key : membershipsByEmail.getOrDefault(email.id(), Set.of())) {
                    MailboxSlot slot = mailboxes.get(key.mailbox());
                    slot.unseen += delta;
                    if (moved) {
                        slot.arrivals.remove(old.receivedAt(), old.id());
                        slot.arrivals.add(email.receivedAt(), email.id());
                    }
                }
            }
        }
        threads.computeIfAbsent(email.threadId(), t -> new LinkedHashSet<>()).add(email.id());
    }

    /** Removes an email that has no memberships. */
    void removeEmail(EmailId id) {
        EmailRecord old = emails.remove(id);
        unlinkThread(old);
    }

    /** Inserts or replaces a membership; its mailbox and email exist. */
    void putMessage(MessageRecord message) {
        MailboxSlot slot = mailboxes.get(message.mailboxId());
        MessageRecord old = slot.messages.put(message.uid(), message);
        if (old == null) {
            slot.uids.add(message.uid());
            EmailRecord email = emails.get(message.emailId());
            slot.arrivals.add(email.receivedAt(), email.id());
            slot.size += email.size();
            slot.unseen += unseen(email);
            membershipsByEmail
                    .computeIfAbsent(message.emailId(), e -> new LinkedHashSet<>())
                    .add(new MembershipKey(message.mailboxId(), message.uid()));
        } else if (old.deleted()) {
            slot.deleted--;
        }
        if (message.deleted()) {
            slot.deleted++;
        }
    }

    /** Removes an existing membership. */
    void removeMessage(MailboxId mailbox, long uid) {
        MailboxSlot slot = mailboxes.get(mailbox);
        MessageRecord old = slot.messages.remove(uid);
        slot.uids.remove(uid);
        EmailRecord email = emails.get(old.emailId());
        slot.arrivals.remove(email.receivedAt(), email.id());
        slot.size -= email.size();
        slot.unseen -= unseen(email);
        if (old.deleted()) {
            slot.deleted--;
        }
        Set<MembershipKey> keys = membershipsByEmail.get(old.emailId());
        keys.remove(new MembershipKey(mailbox, uid));
        if (keys.isEmpty()) {
            membershipsByEmail.remove(old.emailId());
        }
    }

    boolean hasMemberships(EmailId email) {
        return membershipsByEmail.containsKey(email);
    }

    private void unlinkThread(EmailRecord email) {
        Set<EmailId> members = threads.get(email.threadId());
        members.remove(email.id());
        if (members.isEmpty()) {
            threads.remove(email.threadId());
        }
    }

    private static long unseen(EmailRecord email) {
        return email.keywords().contains(SEEN) ? 0 : 1;
    }
}
