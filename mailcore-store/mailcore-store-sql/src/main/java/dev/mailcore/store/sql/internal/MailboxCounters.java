/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql.internal;

import dev.mailcore.api.spi.MailboxCounts;
import dev.mailcore.api.spi.MailboxState;

/**
 * A mailbox's counters as a write transaction changes them: read from the row once, changed in memory, written back
 * once by the transaction's flush. Updating one row thousands of times in one transaction costs PostgreSQL a
 * growing chain of row versions; one update at the end does not.
 */
final class MailboxCounters {
    long uidNext;
    long highestModSeq;
    long messages;
    long unseen;
    long deleted;
    long size;
    boolean changed;

    MailboxCounters(long uidNext, long highestModSeq, long messages, long unseen, long deleted, long size) {
        this.uidNext = uidNext;
        this.highestModSeq = highestModSeq;
        this.messages = messages;
        this.unseen = unseen;
        this.deleted = deleted;
        this.size = size;
    }

    static MailboxCounters fresh() {
        return new MailboxCounters(1, 0, 0, 0, 0, 0);
    }

    void raiseModSeq(long modSeq) {
        highestModSeq = Math.max(highestModSeq, modSeq);
        changed = true;
    }

    MailboxState state() {
        return new MailboxState(uidNext, highestModSeq);
    }

    MailboxCounts counts() {
        return new MailboxCounts(messages, unseen, deleted, size);
    }
}
