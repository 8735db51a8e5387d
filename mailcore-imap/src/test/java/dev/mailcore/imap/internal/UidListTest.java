/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UidListTest {
    private static final long[] UIDS = {3, 4, 5, 9, 11, 12, 4_294_967_294L, 4_294_967_295L};

    @Test
    void answersPositionsAndUidsAcrossRuns() {
        UidList list = UidList.of(UIDS);

        assertThat(list.size()).isEqualTo(UIDS.length);
        for (int i = 0; i < UIDS.length; i++) {
            assertThat(list.get(i)).isEqualTo(UIDS[i]);
            assertThat(list.indexOf(UIDS[i])).isEqualTo(i);
        }
        assertThat(list.indexOf(1)).isEqualTo(-1);
        assertThat(list.indexOf(6)).isEqualTo(-1);
        assertThat(list.indexOf(10)).isEqualTo(-1);
        assertThat(list.indexOf(13)).isEqualTo(-1);
        assertThat(list.last()).isEqualTo(4_294_967_295L);
        assertThat(list.toArray()).containsExactly(UIDS);
        assertThatThrownBy(() -> list.get(UIDS.length)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void appendsNewUidsAfterTheLast() {
        UidList list = UidList.of(new long[] {1, 2, 3}).append(new long[] {1, 2, 3, 4, 7}, 3);

        assertThat(list.toArray()).containsExactly(1, 2, 3, 4, 7);
        assertThat(list.indexOf(7)).isEqualTo(4);
    }

    @Test
    void anEmptyListHasNoLastUid() {
        UidList empty = UidList.of(new long[0]);

        assertThat(empty.size()).isZero();
        assertThat(empty.last()).isZero();
        assertThat(empty.indexOf(1)).isEqualTo(-1);
    }

    @Test
    void aSetOfRangesGivesTheSameList() {
        UidList fromSet = UidList.of(dev.mailcore.api.UidSet.ofAscending(UIDS));
        UidList fromArray = UidList.of(UIDS);

        assertThat(fromSet.size()).isEqualTo(fromArray.size());
        assertThat(fromSet.toArray()).containsExactly(UIDS);
        for (long uid : UIDS) {
            assertThat(fromSet.indexOf(uid)).isEqualTo(fromArray.indexOf(uid));
        }
        assertThat(UidList.of(dev.mailcore.api.UidSet.empty()).size()).isZero();
    }
}
