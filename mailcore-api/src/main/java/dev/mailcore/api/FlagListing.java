/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * UID, MODSEQ and flags of many messages of one mailbox, ascending by UID, kept column by column: what IMAP
 * {@code FETCH 1:* (FLAGS)}, CONDSTORE's flag updates and a client resynchronising a large mailbox need, without an
 * object per message or the content summaries {@link MessageMeta} leads to.
 *
 * <pre>{@code
 * FlagListing listing = store.messages().flags(account, inbox, UidSet.all(), 0);
 * for (int i = 0; i < listing.size(); i++) {
 *     if (!listing.flags(i).has(Keywords.SEEN)) {
 *         unseen.add(listing.uid(i));
 *     }
 * }
 * }</pre>
 *
 * <p>Immutable. Messages with the same flags share one {@link Flags} instance, so a large mailbox costs two longs and
 * a reference per message.
 */
public final class FlagListing {
    private static final FlagListing EMPTY = new FlagListing(new long[0], new long[0], new Flags[0]);

    private final long[] uids;
    private final long[] modSeqs;
    private final Flags[] flags;

    private FlagListing(long[] uids, long[] modSeqs, Flags[] flags) {
        this.uids = uids;
        this.modSeqs = modSeqs;
        this.flags = flags;
    }

    /** A listing of no messages. */
    public static FlagListing empty() {
        return EMPTY;
    }

    /** A builder expecting about {@code expected} messages (it grows past that). */
    public static Builder builder(int expected) {
        return new Builder(expected);
    }

    /** The number of messages. */
    public int size() {
        return uids.length;
    }

    public boolean isEmpty() {
        return uids.length == 0;
    }

    /** The UID of the {@code i}-th message (0-based), ascending with {@code i}. */
    public long uid(int i) {
        Objects.checkIndex(i, uids.length);
        return uids[i];
    }

    /** The MODSEQ of the {@code i}-th message: its last change visible in this mailbox. */
    public long modSeq(int i) {
        Objects.checkIndex(i, uids.length);
        return modSeqs[i];
    }

    /** The flags of the {@code i}-th message. */
    public Flags flags(int i) {
        Objects.checkIndex(i, uids.length);
        return flags[i];
    }

    /** The UIDs, ascending; a copy. */
    public long[] uids() {
        return uids.clone();
    }

    /** The position of a UID in this listing, or -1 when it is not there. */
    public int indexOf(long uid) {
        int i = Arrays.binarySearch(uids, uid);
        return i < 0 ? -1 : i;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlagListing other
                && Arrays.equals(uids, other.uids)
                && Arrays.equals(modSeqs, other.modSeqs)
                && Arrays.equals(flags, other.flags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(uids), Arrays.hashCode(modSeqs), Arrays.hashCode(flags));
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("FlagListing[");
        for (int i = 0; i < Math.min(uids.length, 20); i++) {
            out.append(i == 0 ? "" : ", ")
                    .append(uids[i])
                    .append(':')
                    .append(modSeqs[i])
                    .append(flags[i].keywords())
                    .append(flags[i].deleted() ? "\\Deleted" : "");
        }
        return out.append(uids.length > 20 ? ", ... " + uids.length + " messages]" : "]")
                .toString();
    }

    /**
     * Collects a listing message by message, in ascending UID order. Equal flags are stored once. Not thread-safe;
     * {@link #build()} ends its use.
     */
    public static final class Builder {
        private final Map<Flags, Flags> shared = new HashMap<>();
        private long[] uids;
        private long[] modSeqs;
        private Flags[] flags;
        private int size;

        private Builder(int expected) {
            int capacity = Math.max(expected, 16);
            uids = new long[capacity];
            modSeqs = new long[capacity];
            flags = new Flags[capacity];
        }

        /**
         * Adds the next message.
         *
         * @throws IllegalArgumentException when {@code uid} is not above the previous one
         */
        public Builder add(long uid, long modSeq, Flags messageFlags) {
            Objects.requireNonNull(messageFlags, "flags");
            if (size > 0 && uid <= uids[size - 1]) {
                throw new IllegalArgumentException("UIDs must ascend: " + uid + " after " + uids[size - 1]);
            }
            if (size == uids.length) {
                int capacity = size + (size >> 1) + 1;
                uids = Arrays.copyOf(uids, capacity);
                modSeqs = Arrays.copyOf(modSeqs, capacity);
                flags = Arrays.copyOf(flags, capacity);
            }
            uids[size] = uid;
            modSeqs[size] = modSeq;
            flags[size] = shared.computeIfAbsent(messageFlags, f -> f);
            size++;
            return this;
        }

        public FlagListing build() {
            if (size == 0) {
                return EMPTY;
            }
            return new FlagListing(Arrays.copyOf(uids, size), Arrays.copyOf(modSeqs, size), Arrays.copyOf(flags, size));
        }
    }
}
