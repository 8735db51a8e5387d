/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory.internal.search;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Turns text into the form the scan index compares: case-folded, NFC-composed, whitespace runs collapsed.
 *
 * <p>Both the indexed fields and the search text go through {@link #fold}, so that a plain substring test on the
 * results is a case-insensitive, whitespace-insensitive substring match:
 *
 * <ol>
 *   <li><b>Case:</b> lower-case, then upper-case, then lower-case again, all with {@link Locale#ROOT}, then final
 *       sigma {@code ς} to {@code σ}. The round trip adds the full (one-to-many) mappings that plain lower-casing
 *       misses, so {@code ß}, {@code ẞ} and {@code SS} all become {@code ss}, {@code ﬁ} becomes {@code fi},
 *       {@code ſ} becomes {@code s}; the sigma step undoes the context rule of {@link String#toLowerCase}, which
 *       would otherwise make a word-final {@code Σ} fold differently in a document and in a search text. This is
 *       close to Unicode full case folding, without the Turkic rules.
 *   <li><b>Composition:</b> Unicode NFC, so that precomposed and decomposed accents compare equal. Accents are
 *       kept: {@code ü} never matches {@code u}.
 *   <li><b>Whitespace:</b> every run of characters for which {@link Character#isWhitespace} or
 *       {@link Character#isSpaceChar} holds (space, tab, CR, LF, no-break space, ...) becomes one space. Nothing is
 *       trimmed.
 * </ol>
 */
public final class TextFolding {
    private static final char SPACE = ' ';

    private TextFolding() {}

    /** The folded form of {@code text}; folding is idempotent. */
    public static String fold(String text) {
        String ascii = foldAscii(text);
        return ascii != null ? ascii : foldUnicode(text);
    }

    /** The fast path for the common all-ASCII text, or null when the text has other characters. */
    private static String foldAscii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            if (isSpace(c)) {
                if (!inSpace) {
                    out.append(SPACE);
                }
                inSpace = true;
            } else {
                out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
                inSpace = false;
            }
        }
        return out.toString();
    }

    private static String foldUnicode(String text) {
        String cased = text.toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        String composed = Normalizer.normalize(cased, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        boolean inSpace = false;
        for (int i = 0; i < composed.length(); i++) {
            // Every whitespace and final sigma is in the BMP, so surrogate halves just pass through.
            char c = composed.charAt(i);
            if (isSpace(c)) {
                if (!inSpace) {
                    out.append(SPACE);
                }
                inSpace = true;
            } else {
                out.append(c == 'ς' ? 'σ' : c);
                inSpace = false;
            }
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
