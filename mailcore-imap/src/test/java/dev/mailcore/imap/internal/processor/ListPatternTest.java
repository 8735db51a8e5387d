/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListPatternTest {
    @Test
    void starMatchesAcrossLevelsPercentDoesNot() {
        assertThat(ListProcessor.matches("*", "Projects/2026/Q1")).isTrue();
        assertThat(ListProcessor.matches("%", "Projects/2026")).isFalse();
        assertThat(ListProcessor.matches("%", "Projects")).isTrue();
        assertThat(ListProcessor.matches("Projects/%", "Projects/2026")).isTrue();
        assertThat(ListProcessor.matches("Projects/%", "Projects/2026/Q1")).isFalse();
        assertThat(ListProcessor.matches("P*6", "Projects/2026")).isTrue();
    }

    @Test
    void inboxMatchesInAnyCase() {
        assertThat(ListProcessor.matches("inbox", "INBOX")).isTrue();
        assertThat(ListProcessor.matches("In%", "INBOX")).isTrue();
        assertThat(ListProcessor.matches("inbox", "Inbox-archive")).isFalse();
    }
}
