/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.Change;
import dev.mailcore.api.ChangeSet;
import dev.mailcore.api.Changes;
import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.UidSet;
import dev.mailcore.api.spi.MetadataReader;
import java.util.ArrayList;
import java.util.List;

/** {@link Changes} over the metadata store's change log. */
public final class ChangeService implements Changes {
    private final Transactions transactions;

    public ChangeService(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public long highestModSeq(AccountId account) {
        return transactions.read(account, MetadataReader::highestModSeq);
    }

    @Override
    public ChangeSet since(AccountId account, long modSeq, int maxChanges) {
        if (maxChanges < 1) {
            throw new MailException(ErrorReason.INVALID_ARGUMENT, "maxChanges must be at least 1");
        }
        return transactions.read(account, r -> {
            requireAvailable(r, modSeq);
            // Ask for one MODSEQ more than allowed: its presence says there is more.
            int ask = maxChanges == Integer.MAX_VALUE ? maxChanges : maxChanges + 1;
            List<Change> changes = r.changesSince(modSeq, ask);
            List<Change> kept = new ArrayList<>(changes.size());
            int distinct = 0;
            long last = modSeq;
            boolean hasMore = false;
            for (Change change : changes) {
                if (change.modSeq() != last) {
                    if (distinct == maxChanges) {
                        hasMore = true;
                        break;
                    }
                    distinct++;
                    last = change.modSeq();
                }
                kept.add(change);
            }
            long until = hasMore ? last : Math.max(last, r.highestModSeq());
            return new ChangeSet(modSeq, until, kept, hasMore);
        });
    }

    @Override
    public UidSet removedSince(AccountId account, MailboxId mailbox, long modSeq) {
        return transactions.read(account, r -> {
            requireAvailable(r, modSeq);
            UidSet.Builder removed = UidSet.builder();
            for (Change change : r.changesSince(modSeq, Integer.MAX_VALUE)) {
                if (change instanceof Change.MessageRemoved gone
                        && gone.mailboxId().equals(mailbox)) {
                    removed.add(gone.uid());
                }
            }
            return removed.build();
        });
    }

    private static void requireAvailable(MetadataReader r, long modSeq) {
        if (modSeq < r.changeLogFloor() || modSeq > r.highestModSeq() || modSeq < 0) {
            throw new MailException(
                    ErrorReason.CHANGES_UNAVAILABLE,
                    "changes since " + modSeq + " cannot be calculated; resynchronize");
        }
    }
}
