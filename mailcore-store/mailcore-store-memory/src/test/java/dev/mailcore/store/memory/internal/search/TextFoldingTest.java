/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextFoldingTest {
    @ParameterizedTest
    @CsvSource(
            delimiterString = "=>",
            value = {
                "Hello World => hello world",
                "GRÜSSE => grüsse",
                "Grüße => grüsse",
                "GROẞ => gross",
                "ΟΔΟΣ => οδοσ",
                "ﬁle => file",
                "ſtraße => strasse",
                "МОСКВА => москва",
            })
    void foldsCase(String text, String folded) {
        assertThat(TextFolding.fold(text)).isEqualTo(folded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nb", "a \t b", "a\u00a0b", "a\u2003\u2003b", "a\nb"})
    void collapsesWhitespaceRunsToOneSpace(String text) {
        assertThat(TextFolding.fold(text)).isEqualTo("a b");
    }

    @ParameterizedTest
    @ValueSource(strings = {" a ", "  A\t"})
    void keepsLeadingAndTrailingSpace(String text) {
        assertThat(TextFolding.fold(text)).isEqualTo(" a ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Cafe\u0301", "CAFÉ", "café"})
    void composesAccents(String text) {
        assertThat(TextFolding.fold(text)).isEqualTo("café");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Hello\r\n World",
                "Grüße ẞ ΐ ǅ İstanbul ΣΑΣ",
                "ﬀ ŉ ǰ ΰ",
                "Ꭰꭰ Cherokee",
                "emoji 😀 and 𝔄",
                "",
                "x\u0301\u0323"
            })
    void isIdempotent(String text) {
        String once = TextFolding.fold(text);
        assertThat(TextFolding.fold(once)).isEqualTo(once);
    }

    @ParameterizedTest
    @ValueSource(strings = {"über", "naïve", "ça"})
    void keepsAccents(String text) {
        assertThat(TextFolding.fold(text)).isEqualTo(text);
    }
}
