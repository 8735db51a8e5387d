/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.search.lucene;

import static dev.mailcore.store.tck.SearchDocumentBuilder.document;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.search.SearchQuery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Indexing and removing from several threads while others search, on disk. */
class LuceneSearchIndexChurnTest {
    private static final AccountId ALICE = AccountId.of("alice");
    private static final SearchQuery CHURN = new SearchQuery.SubjectContains("churn");

    @TempDir
    Path data;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aSearchNeverSeesARemovedEmailNorMissesAnIndexedOne() throws Exception {
        Set<EmailId> present = ConcurrentHashMap.newKeySet();
        Set<EmailId> gone = ConcurrentHashMap.newKeySet();
        try (LuceneSearchIndex index = LuceneSearchIndex.open(data.resolve("search"));
                ExecutorService pool = Executors.newFixedThreadPool(3)) {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        EmailId id = EmailId.of("w" + writer + "-" + i);
                        index.index(ALICE, id, document().subject("Churn " + i).build());
                        if (i % 3 == 0) {
                            index.remove(ALICE, id);
                            gone.add(id);
                        } else {
                            present.add(id);
                        }
                    }
                    return null;
                }));
            }
            while (!writers.stream().allMatch(Future::isDone)) {
                Set<EmailId> mustSee = Set.copyOf(present);
                Set<EmailId> mustNotSee = Set.copyOf(gone);
                Set<EmailId> found = index.search(ALICE, CHURN);
                assertThat(found).containsAll(mustSee);
                assertThat(found).noneMatch(mustNotSee::contains);
            }
            for (Future<?> writer : writers) {
                writer.get();
            }

            assertThat(index.search(ALICE, CHURN)).isEqualTo(present).hasSize(600);
        }
    }
}
