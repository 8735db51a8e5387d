/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.AppendResult;
import dev.mailcore.api.FlagChange;
import dev.mailcore.api.Flags;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.UidSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The engine under concurrent writers: nothing duplicated, nothing lost. */
public abstract class ConcurrencyContract extends EngineFixture {
    static final int WRITERS = 8;
    static final int MESSAGES_PER_WRITER = 1_000;

    @Test
    void concurrentAppendersGetUniqueStrictlyIncreasingUids() throws Exception {
        MailboxId inbox = inbox(alice).id();
        List<List<AppendResult>> perWriter = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(WRITERS)) {
            List<Future<List<AppendResult>>> futures = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    List<AppendResult> results = new ArrayList<>();
                    for (int i = 0; i < MESSAGES_PER_WRITER; i++) {
                        results.add(append(alice, inbox, message("w" + writer + " m" + i, "body " + i)));
                    }
                    return results;
                }));
            }
            for (Future<List<AppendResult>> future : futures) {
                perWriter.add(future.get());
            }
        }
        Set<Long> uids = new HashSet<>();
        Set<Long> modSeqs = new HashSet<>();
        for (List<AppendResult> results : perWriter) {
            for (int i = 1; i < results.size(); i++) {
                // Each writer sees its own appends in commit order: UIDs and MODSEQs only go up.
                assertThat(results.get(i).uid())
                        .isGreaterThan(results.get(i - 1).uid());
                assertThat(results.get(i).modSeq())
                        .isGreaterThan(results.get(i - 1).modSeq());
            }
            results.forEach(r -> {
                uids.add(r.uid());
                modSeqs.add(r.modSeq());
            });
        }
        int total = WRITERS * MESSAGES_PER_WRITER;
        assertThat(uids).hasSize(total);
        assertThat(modSeqs).hasSize(total);
        long[] stored = engine.messages().uids(alice, inbox);
        assertThat(stored).hasSize(total);
        for (int i = 1; i < stored.length; i++) {
            assertThat(stored[i]).isGreaterThan(stored[i - 1]);
        }
        assertThat(engine.mailboxes().status(alice, inbox).messages()).isEqualTo(total);
        assertThat(engine.quotas().usage(alice).messagesUsed()).isEqualTo(total);
        assertThat(inbox(alice).uidNext()).isGreaterThan(stored[stored.length - 1]);
    }

    @Test
    void concurrentFlagUpdatesLoseNothing() throws Exception {
        MailboxId inbox = inbox(alice).id();
        long uid = append(alice, inbox, message("target", "b")).uid();
        int perWriter = 100;
        try (ExecutorService pool = Executors.newFixedThreadPool(WRITERS)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        engine.messages()
                                .updateFlags(
                                        alice,
                                        inbox,
                                        UidSet.of(uid),
                                        FlagChange.add(Flags.of("k" + writer + "_" + i)),
                                        OptionalLong.empty());
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        Set<String> keywords = engine.messages()
                .list(alice, inbox, UidSet.of(uid))
                .get(0)
                .flags()
                .keywords();
        assertThat(keywords).hasSize(WRITERS * perWriter);
    }
}
