/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.search.lucene.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The folding here must be the reference's, character for character, or substring matches would differ. */
class TextFoldingTest {
    private static final String ALPHABET =
            "aZß ẞﬁſςΣσİıiIÅå\u030a\u0301e\t\r\n\u00a0\u2009\u3000ǅǄΐΰ\uD83D\uDE00ŉǰ東" + "ПрИвЕТκΌΣμε:*\\\"(";

    @Test
    void foldsExactlyAsTheReferenceDoes() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(12); n >= 0; n--) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String sample = text.toString();
            assertThat(TextFolding.fold(sample))
                    .as("%s", sample)
                    .isEqualTo(dev.mailcore.store.memory.internal.search.TextFolding.fold(sample));
        }
    }

    @Test
    void foldsCaseWhitespaceAndComposition() {
        assertThat(TextFolding.fold("GRÜSSE \t\r\n Grüße")).isEqualTo("grüsse grüsse");
        assertThat(TextFolding.fold("e\u0301")).isEqualTo("é");
        assertThat(TextFolding.fold("ΟΔΥΣΣΕΥΣ")).isEqualTo("οδυσσευσ");
    }
}
