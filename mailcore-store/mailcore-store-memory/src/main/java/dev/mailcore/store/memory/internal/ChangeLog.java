/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory.internal;

import dev.mailcore.api.Change;
import java.util.ArrayList;
import java.util.List;

/** An account's change log, kept sorted by MODSEQ so reads from a MODSEQ are a binary search away. */
final class ChangeLog {
    private final ArrayList<Change> entries = new ArrayList<>();

    /** Inserts after every entry of the same or a lower MODSEQ and returns the position, for undo. */
    int add(Change change) {
        int index = firstAbove(change.modSeq());
        entries.add(index, change);
        return index;
    }

    void removeAt(int index) {
        entries.remove(index);
    }

    /** Entries above {@code modSeq}, for at most {@code maxModSeqs} distinct MODSEQs, never splitting one. */
    List<Change> since(long modSeq, int maxModSeqs) {
        List<Change> out = new ArrayList<>();
        int distinct = 0;
        long current = 0;
        for (int i = firstAbove(modSeq); i < entries.size(); i++) {
            Change change = entries.get(i);
            if (distinct == 0 || change.modSeq() != current) {
                if (distinct == maxModSeqs) {
                    break;
                }
                distinct++;
                current = change.modSeq();
            }
            out.add(change);
        }
        return out;
    }

    private int firstAbove(long modSeq) {
        int lo = 0;
        int hi = entries.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (entries.get(mid).modSeq() <= modSeq) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
