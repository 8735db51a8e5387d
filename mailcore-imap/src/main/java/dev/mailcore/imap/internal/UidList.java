/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import dev.mailcore.api.UidSet;
import java.util.Arrays;

/**
 * An ascending list of UIDs kept as runs of consecutive values, so a mailbox of 10,000 messages with few gaps costs a
 * few bytes per session instead of 8 per message; every IDLE connection holds one. Immutable.
 */
final class UidList {

    /** The first UID of each run. */
    private final long[] starts;
    /** The index (0-based sequence) of each run's first UID. */
    private final int[] offsets;

    private final int size;

    private UidList(long[] starts, int[] offsets, int size) {
        this.starts = starts;
        this.offsets = offsets;
        this.size = size;
    }

    /** The list of these UIDs, which must be ascending. */
    static UidList of(long[] uids) {
        return of(uids, 0, uids.length);
    }

    /** The list of the UIDs in this set: one run per range, whatever the ranges hold. */
    static UidList of(UidSet set) {
        int runs = set.rangeCount();
        long[] starts = new long[runs];
        int[] offsets = new int[runs];
        long size = 0;
        for (int run = 0; run < runs; run++) {
            starts[run] = set.rangeStart(run);
            offsets[run] = (int) size;
            size += set.rangeEnd(run) - set.rangeStart(run) + 1;
            if (size > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("more UIDs than a mailbox can hold");
            }
        }
        return new UidList(starts, offsets, (int) size);
    }

    private static UidList of(long[] uids, int from, int to) {
        int runs = 0;
        for (int i = from; i < to; i++) {
            if (i == from || uids[i] != uids[i - 1] + 1) {
                runs++;
            }
        }
        long[] starts = new long[runs];
        int[] offsets = new int[runs];
        int run = -1;
        for (int i = from; i < to; i++) {
            if (i == from || uids[i] != uids[i - 1] + 1) {
                run++;
                starts[run] = uids[i];
                offsets[run] = i - from;
            }
        }
        return new UidList(starts, offsets, to - from);
    }

    int size() {
        return size;
    }

    /** The UID at a 0-based index. */
    long get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int run = Arrays.binarySearch(offsets, index);
        if (run < 0) {
            run = -run - 2;
        }
        return starts[run] + (index - offsets[run]);
    }

    /** The highest UID, or 0 when empty. */
    long last() {
        return size == 0 ? 0 : get(size - 1);
    }

    /** The 0-based index of a UID, or -1 when it is not in the list. */
    int indexOf(long uid) {
        int run = Arrays.binarySearch(starts, uid);
        if (run >= 0) {
            return offsets[run];
        }
        run = -run - 2;
        if (run < 0) {
            return -1;
        }
        long offset = uid - starts[run];
        return offset < runLength(run) ? offsets[run] + (int) offset : -1;
    }

    /** This list followed by the UIDs {@code uids[from..]}, all above {@link #last()}. */
    UidList append(long[] uids, int from) {
        long[] all = new long[size + uids.length - from];
        copyTo(all);
        System.arraycopy(uids, from, all, size, uids.length - from);
        return of(all);
    }

    /** The UIDs in order. */
    long[] toArray() {
        long[] all = new long[size];
        copyTo(all);
        return all;
    }

    private void copyTo(long[] target) {
        for (int run = 0; run < starts.length; run++) {
            for (int i = 0; i < runLength(run); i++) {
                target[offsets[run] + i] = starts[run] + i;
            }
        }
    }

    private int runLength(int run) {
        return (run + 1 < offsets.length ? offsets[run + 1] : size) - offsets[run];
    }
}
