/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import dev.mailcore.api.UidSet;
import java.util.ArrayList;
import java.util.List;

/**
 * A sequence set as the client wrote it ({@code 1:4,7,*}), with {@code *} unresolved. Resolved to a {@link UidSet}
 * of ranges, never expanded.
 */
public record SequenceSet(List<long[]> ranges) {
    /** Stands for {@code *}. */
    public static final long STAR = -1;

    /** The saved search result {@code $} of SEARCHRES (RFC 5182). */
    public static final SequenceSet SAVED = new SequenceSet(List.of(new long[] {-2, -2}));

    public SequenceSet {
        ranges = List.copyOf(ranges);
    }

    public static SequenceSet parse(String text) {
        if (text.equals("$")) {
            return SAVED;
        }
        List<long[]> ranges = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            int colon = item.indexOf(':');
            long a = number(colon < 0 ? item : item.substring(0, colon));
            long b = colon < 0 ? a : number(item.substring(colon + 1));
            ranges.add(new long[] {a, b});
        }
        return new SequenceSet(ranges);
    }

    private static long number(String text) {
        if (text.equals("*")) {
            return STAR;
        }
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(Character::isDigit)) {
            throw new ParseException("invalid sequence set");
        }
        long value = Long.parseLong(text);
        if (value < 1 || value > UidSet.MAX_UID) {
            throw new ParseException("invalid sequence set");
        }
        return value;
    }

    /** Whether this is {@code $}, the session's saved search result. */
    public boolean isSaved() {
        return ranges.size() == 1 && ranges.getFirst()[0] == -2;
    }

    /** The set as UIDs, given what {@code *} stands for; numbers above {@code star} are clamped to it. */
    public UidSet resolve(long star) {
        UidSet.Builder builder = UidSet.builder();
        for (long[] range : ranges) {
            long a = range[0] == STAR ? star : range[0];
            long b = range[1] == STAR ? star : range[1];
            long lo = Math.min(a, b);
            long hi = Math.min(Math.max(a, b), star);
            if (lo <= hi && hi >= 1) {
                builder.add(lo, hi);
            }
        }
        return builder.build();
    }
}
