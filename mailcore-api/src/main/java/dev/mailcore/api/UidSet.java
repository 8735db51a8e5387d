/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * A set of IMAP UIDs (or of other positive 32-bit numbers, such as message sequence numbers) kept as sorted,
 * disjoint, non-adjacent ranges. Huge sets such as {@code 1:4294967295} cost two numbers, never one entry per
 * member, so nothing built from client input can make the server allocate without bound.
 *
 * <pre>{@code
 * UidSet set = UidSet.builder().add(1, 10).add(42).build();   // 1:10,42
 * set.contains(7);                                            // true
 * set.toString();                                             // "1:10,42"
 * }</pre>
 */
public final class UidSet {
    /** The largest UID IMAP allows. */
    public static final long MAX_UID = 0xFFFF_FFFFL;

    private static final UidSet EMPTY = new UidSet(new long[0]);

    /** {@code [from0, to0, from1, to1, ...]}, sorted, disjoint and non-adjacent. */
    private final long[] bounds;

    private UidSet(long[] bounds) {
        this.bounds = bounds;
    }

    public static UidSet empty() {
        return EMPTY;
    }

    /** Every UID: {@code 1:4294967295}. */
    public static UidSet all() {
        return range(1, MAX_UID);
    }

    public static UidSet of(long... uids) {
        Builder builder = builder();
        for (long uid : uids) {
            builder.add(uid);
        }
        return builder.build();
    }

    /**
     * The set of these UIDs, which must be ascending (a mailbox's UIDs as a store lists them): one pass and no
     * allocation per member, where {@link #of} sorts.
     *
     * @throws IllegalArgumentException when the UIDs are not strictly ascending
     * @throws MailException {@link ErrorReason#INVALID_ARGUMENT} for numbers outside {@code 1..4294967295}
     */
    public static UidSet ofAscending(long[] uids) {
        if (uids.length == 0) {
            return EMPTY;
        }
        if (uids[0] < 1 || uids[uids.length - 1] > MAX_UID) {
            throw new MailException(
                    ErrorReason.INVALID_ARGUMENT,
                    "UIDs are 1 to 4294967295, not " + uids[0] + ".." + uids[uids.length - 1]);
        }
        int runs = 1;
        for (int i = 1; i < uids.length; i++) {
            if (uids[i] <= uids[i - 1]) {
                throw new IllegalArgumentException("UIDs not ascending at index " + i);
            }
            if (uids[i] != uids[i - 1] + 1) {
                runs++;
            }
        }
        long[] bounds = new long[2 * runs];
        int n = 0;
        bounds[n++] = uids[0];
        for (int i = 1; i < uids.length; i++) {
            if (uids[i] != uids[i - 1] + 1) {
                bounds[n++] = uids[i - 1];
                bounds[n++] = uids[i];
            }
        }
        bounds[n] = uids[uids.length - 1];
        return new UidSet(bounds);
    }

    /** The UIDs from {@code from} to {@code to}, inclusive, in either order as IMAP allows ({@code 5:2} = {@code 2:5}). */
    public static UidSet range(long from, long to) {
        return builder().add(from, to).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isEmpty() {
        return bounds.length == 0;
    }

    public boolean contains(long uid) {
        int lo = 0;
        int hi = bounds.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (uid < bounds[2 * mid]) {
                hi = mid - 1;
            } else if (uid > bounds[2 * mid + 1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** How many numbers the set holds. */
    public long count() {
        long n = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            n += bounds[i + 1] - bounds[i] + 1;
        }
        return n;
    }

    /** The number of ranges. */
    public int rangeCount() {
        return bounds.length / 2;
    }

    public long rangeStart(int index) {
        return bounds[2 * index];
    }

    public long rangeEnd(int index) {
        return bounds[2 * index + 1];
    }

    /** The smallest member; the set must not be empty. */
    public long min() {
        if (isEmpty()) {
            throw new IllegalStateException("empty set");
        }
        return bounds[0];
    }

    /** The largest member; the set must not be empty. */
    public long max() {
        if (isEmpty()) {
            throw new IllegalStateException("empty set");
        }
        return bounds[bounds.length - 1];
    }

    /** The members of this set that are in the sorted array {@code sorted}, in order; cost is bounded by both sizes. */
    public long[] intersect(long[] sorted) {
        long[] out = new long[Math.min(sorted.length, (int) Math.min(Integer.MAX_VALUE - 8, count()))];
        int n = 0;
        int r = 0;
        int ranges = rangeCount();
        for (long value : sorted) {
            while (r < ranges && bounds[2 * r + 1] < value) {
                r++;
            }
            if (r == ranges) {
                break;
            }
            if (value >= bounds[2 * r]) {
                out[n++] = value;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Whether every member passes {@code test}; visits each member, so use on small sets only. */
    public boolean allMatch(LongPredicate test) {
        for (int i = 0; i < bounds.length; i += 2) {
            for (long v = bounds[i]; v <= bounds[i + 1]; v++) {
                if (!test.test(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    public UidSet union(UidSet other) {
        Builder builder = builder();
        for (int i = 0; i < bounds.length; i += 2) {
            builder.add(bounds[i], bounds[i + 1]);
        }
        for (int i = 0; i < other.bounds.length; i += 2) {
            builder.add(other.bounds[i], other.bounds[i + 1]);
        }
        return builder.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UidSet other && Arrays.equals(bounds, other.bounds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bounds);
    }

    /** The IMAP sequence-set form, such as {@code 1:10,42}; empty for the empty set. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bounds.length; i += 2) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(bounds[i]);
            if (bounds[i + 1] != bounds[i]) {
                sb.append(':').append(bounds[i + 1]);
            }
        }
        return sb.toString();
    }

    /** Collects ranges in any order; {@link #build()} sorts and merges them. */
    public static final class Builder {
        private final List<long[]> ranges = new ArrayList<>();

        private Builder() {}

        public Builder add(long uid) {
            return add(uid, uid);
        }

        /**
         * Adds the range between {@code a} and {@code b}, inclusive, in either order.
         *
         * @throws MailException {@link ErrorReason#INVALID_ARGUMENT} for numbers outside {@code 1..4294967295}
         */
        public Builder add(long a, long b) {
            if (a < 1 || b < 1 || a > MAX_UID || b > MAX_UID) {
                throw new MailException(ErrorReason.INVALID_ARGUMENT, "UIDs are 1 to 4294967295, not " + a + ":" + b);
            }
            ranges.add(new long[] {Math.min(a, b), Math.max(a, b)});
            return this;
        }

        public UidSet build() {
            if (ranges.isEmpty()) {
                return EMPTY;
            }
            ranges.sort((x, y) -> Long.compare(x[0], y[0]));
            long[] out = new long[ranges.size() * 2];
            int n = 0;
            for (long[] range : ranges) {
                if (n > 0 && range[0] <= out[n - 1] + 1) {
                    out[n - 1] = Math.max(out[n - 1], range[1]);
                } else {
                    out[n++] = range[0];
                    out[n++] = range[1];
                }
            }
            return new UidSet(Arrays.copyOf(out, n));
        }
    }
}
