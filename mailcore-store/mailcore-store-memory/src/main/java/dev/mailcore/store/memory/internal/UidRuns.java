/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory.internal;

import dev.mailcore.api.UidSet;
import java.util.Arrays;

/**
 * A mailbox's UIDs as runs of consecutive values, kept up to date on every add and removal, so listing them (IMAP
 * SELECT) costs the number of gaps rather than a walk over every message. A delivery extends the last run; an
 * expunge shortens or splits one. Mutable; guarded by the account's lock.
 */
final class UidRuns {
    /** {@code [from0, to0, from1, to1, ...]} for the first {@code runs} runs, ascending, never adjacent. */
    private long[] bounds = new long[4];

    private int runs;

    /** Adds a UID that is not present. */
    void add(long uid) {
        if (runs > 0 && uid == bounds[2 * runs - 1] + 1) {
            bounds[2 * runs - 1] = uid;
            return;
        }
        if (runs == 0 || uid > bounds[2 * runs - 1]) {
            insertRun(runs, uid, uid);
            return;
        }
        int next = firstRunAfter(uid);
        boolean joinsPrevious = next > 0 && bounds[2 * next - 1] == uid - 1;
        boolean joinsNext = next < runs && bounds[2 * next] == uid + 1;
        if (joinsPrevious && joinsNext) {
            bounds[2 * next - 1] = bounds[2 * next + 1];
            removeRun(next);
        } else if (joinsPrevious) {
            bounds[2 * next - 1] = uid;
        } else if (joinsNext) {
            bounds[2 * next] = uid;
        } else {
            insertRun(next, uid, uid);
        }
    }

    /** Removes a UID that is present. */
    void remove(long uid) {
        int run = firstRunAfter(uid) - 1;
        if (run < 0 || uid > bounds[2 * run + 1]) {
            throw new IllegalStateException("UID " + uid + " is not in the mailbox");
        }
        long from = bounds[2 * run];
        long to = bounds[2 * run + 1];
        if (from == to) {
            removeRun(run);
        } else if (uid == from) {
            bounds[2 * run] = uid + 1;
        } else if (uid == to) {
            bounds[2 * run + 1] = uid - 1;
        } else {
            bounds[2 * run + 1] = uid - 1;
            insertRun(run + 1, uid + 1, to);
        }
    }

    /** The UIDs now, as an immutable set. */
    UidSet toUidSet() {
        UidSet.Builder builder = UidSet.builder();
        for (int run = 0; run < runs; run++) {
            builder.add(bounds[2 * run], bounds[2 * run + 1]);
        }
        return builder.build();
    }

    /** The UIDs now, ascending. */
    long[] toArray(int count) {
        long[] out = new long[count];
        int n = 0;
        for (int run = 0; run < runs; run++) {
            for (long uid = bounds[2 * run]; uid <= bounds[2 * run + 1]; uid++) {
                out[n++] = uid;
            }
        }
        return out;
    }

    /** The index of the first run that starts above {@code uid} ({@code runs} when none does). */
    private int firstRunAfter(long uid) {
        int low = 0;
        int high = runs;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (bounds[2 * mid] <= uid) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private void insertRun(int at, long from, long to) {
        if (2 * runs + 2 > bounds.length) {
            bounds = Arrays.copyOf(bounds, bounds.length * 2);
        }
        System.arraycopy(bounds, 2 * at, bounds, 2 * at + 2, 2 * (runs - at));
        bounds[2 * at] = from;
        bounds[2 * at + 1] = to;
        runs++;
    }

    private void removeRun(int at) {
        System.arraycopy(bounds, 2 * at + 2, bounds, 2 * at, 2 * (runs - at - 1));
        runs--;
    }
}
