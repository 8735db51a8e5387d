/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.UidSet;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class UidRunsTest {
    @Test
    void deliveriesExtendOneRunAndExpungesSplitIt() {
        UidRuns runs = new UidRuns();
        for (long uid = 1; uid <= 10_000; uid++) {
            runs.add(uid);
        }
        assertThat(runs.toUidSet()).isEqualTo(UidSet.range(1, 10_000));
        runs.remove(5_000);
        runs.remove(1);
        runs.remove(10_000);
        assertThat(runs.toUidSet().toString()).isEqualTo("2:4999,5001:9999");
        runs.add(5_000);
        assertThat(runs.toUidSet().toString()).isEqualTo("2:9999");
    }

    @Test
    void agreesWithTheMessagesUnderAnyOrderOfAddsAndRemovals() {
        Random random = new Random(7);
        UidRuns runs = new UidRuns();
        TreeSet<Long> present = new TreeSet<>();
        for (int step = 0; step < 20_000; step++) {
            long uid = 1 + random.nextInt(500);
            if (present.add(uid)) {
                runs.add(uid);
            } else {
                present.remove(uid);
                runs.remove(uid);
            }
            if (step % 97 == 0) {
                long[] expected = present.stream().mapToLong(Long::longValue).toArray();
                assertThat(runs.toArray(present.size())).containsExactly(expected);
                assertThat(runs.toUidSet()).isEqualTo(UidSet.ofAscending(expected));
            }
        }
    }
}
