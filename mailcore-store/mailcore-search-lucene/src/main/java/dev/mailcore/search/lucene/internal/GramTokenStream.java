/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.search.lucene.internal;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The n-grams of one folded value, one per code point position: the {@value #N} code points starting there, or fewer
 * at the end of the value. With a gram at every position, a text of {@value #N} or more code points occurs in the
 * value exactly when its grams occur at the same relative positions (a phrase query), and a shorter text occurs
 * exactly when some gram starts with it (a prefix query). The short grams at the end keep a phrase from running on
 * into the next value of the field.
 */
public final class GramTokenStream extends TokenStream {
    /** The gram length in code points. */
    public static final int N = 3;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final String prefix;
    private final String value;
    private final int[] starts;
    private int next;

    /**
     * @param prefix put before every gram (a header key and separator), or empty
     * @param value the folded value
     */
    public GramTokenStream(String prefix, String value) {
        this.prefix = prefix;
        this.value = value;
        this.starts = codePointStarts(value);
    }

    @Override
    public boolean incrementToken() {
        int count = starts.length - 1;
        if (next >= count) {
            return false;
        }
        clearAttributes();
        term.append(prefix).append(value, starts[next], starts[Math.min(next + N, count)]);
        next++;
        return true;
    }

    @Override
    public void reset() {
        next = 0;
    }

    /** The char index of every code point of {@code text}, then its length. */
    public static int[] codePointStarts(String text) {
        int[] starts = new int[text.codePointCount(0, text.length()) + 1];
        int index = 0;
        for (int i = 0; i < starts.length - 1; i++) {
            starts[i] = index;
            index += Character.charCount(text.codePointAt(index));
        }
        starts[starts.length - 1] = text.length();
        return starts;
    }
}
