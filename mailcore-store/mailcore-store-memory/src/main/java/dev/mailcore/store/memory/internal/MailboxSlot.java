/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory.internal;

import dev.mailcore.api.spi.MailboxCounts;
import dev.mailcore.api.spi.MailboxRecord;
import dev.mailcore.api.spi.MailboxState;
import dev.mailcore.api.spi.MessageRecord;
import java.util.TreeMap;

/**
 * One mailbox of an {@link AccountState}: its properties, counters and memberships by UID. Mutable; guarded by the
 * account's lock.
 */
final class MailboxSlot {
    MailboxRecord record;
    long uidNext = 1;
    long highestModSeq;
    final TreeMap<Long, MessageRecord> messages = new TreeMap<>();
    /** The keys of {@link #messages} as runs; changed only with it, in {@link AccountState}. */
    final UidRuns uids = new UidRuns();
    /** The emails of {@link #messages} newest received first; changed only with it, in {@link AccountState}. */
    final Arrivals arrivals = new Arrivals();

    long unseen;
    long deleted;
    long size;

    MailboxSlot(MailboxRecord record) {
        this.record = record;
    }

    MailboxState state() {
        return new MailboxState(uidNext, highestModSeq);
    }

    MailboxCounts counts() {
        return new MailboxCounts(messages.size(), unseen, deleted, size);
    }
}
