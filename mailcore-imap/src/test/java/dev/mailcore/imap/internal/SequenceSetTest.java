/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcore.api.UidSet;
import org.junit.jupiter.api.Test;

class SequenceSetTest {
    @Test
    void resolvesStarAndClampsWithoutExpanding() {
        assertThat(SequenceSet.parse("1:*").resolve(7)).isEqualTo(UidSet.range(1, 7));
        assertThat(SequenceSet.parse("1:4294967295").resolve(3)).isEqualTo(UidSet.range(1, 3));
        assertThat(SequenceSet.parse("2,4:5,9").resolve(5)).isEqualTo(UidSet.of(2, 4, 5));
        assertThat(SequenceSet.parse("1:4294967295").resolve(0)).isEqualTo(UidSet.empty());
    }

    @Test
    void aRangeAboveTheLastUidStillNamesTheLastMessage() {
        // RFC 9051 §6.4.8: "UID 559:*" includes the last message even if 559 is above its UID.
        assertThat(SequenceSet.parse("559:*").resolve(100)).isEqualTo(UidSet.of(100));
    }

    @Test
    void refusesZeroAndGarbage() {
        assertThatThrownBy(() -> SequenceSet.parse("0")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> SequenceSet.parse("1:")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> SequenceSet.parse("4294967296")).isInstanceOf(ParseException.class);
    }
}
