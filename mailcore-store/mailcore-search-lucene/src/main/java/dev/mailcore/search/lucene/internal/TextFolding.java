/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.search.lucene.internal;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The text form both indexed fields and search texts are brought to before any n-gram or word is taken from them. It
 * must equal the folding of the reference scan index exactly (a test checks this), because an exact substring match
 * here is a substring test on folded text there: lower-, upper- then lower-case with {@link Locale#ROOT}, final sigma
 * to sigma, NFC, and every run of whitespace to one space.
 */
public final class TextFolding {
    private TextFolding() {}

    /** The folded form of {@code text}; idempotent. */
    public static String fold(String text) {
        if (isAscii(text)) {
            return collapseSpaces(text, true);
        }
        String cased = text.toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return collapseSpaces(Normalizer.normalize(cased, Normalizer.Form.NFC), false);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Collapses whitespace runs; ASCII text is lower-cased here too, which saves the three case passes. */
    private static String collapseSpaces(String text, boolean lowerAscii) {
        StringBuilder out = new StringBuilder(text.length());
        boolean previousWasSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c);
            if (space && !previousWasSpace) {
                out.append(' ');
            } else if (!space) {
                out.append(map(c, lowerAscii));
            }
            previousWasSpace = space;
        }
        return out.toString();
    }

    private static char map(char c, boolean lowerAscii) {
        if (lowerAscii) {
            return c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c;
        }
        // Lower-casing made a word-final sigma final; the search text may end elsewhere, so every sigma is the same.
        return c == 'ς' ? 'σ' : c;
    }
}
