/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.search.lucene;

import static dev.mailcore.store.tck.SearchDocumentBuilder.document;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.ThreadId;
import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.api.spi.SearchMetadata;
import java.nio.file.Path;
import java.time.Instant;
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
        try (LuceneSearchIndex index = LuceneSearchIndex.open(data.resolve("search"))) {
            Set<EmailId> present = churn(index, 300, CHURN, (id, i) -> {
                index.index(ALICE, id, document().subject("Churn " + i).build());
                if (i % 3 == 0) {
                    index.remove(ALICE, id);
                    return false;
                }
                return true;
            });

            assertThat(index.search(ALICE, CHURN)).isEqualTo(present).hasSize(600);
        }
    }

    /**
     * Flags change in place while others search: a search for the flag never misses an email flagged before it
     * began, nor finds one whose flag was cleared before it began, and the text of no email is lost on the way.
     */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aSearchSeesEveryFlagChangeMadeBeforeIt() throws Exception {
        SearchQuery flagged = SearchQuery.and(CHURN, new SearchQuery.HasKeyword("$flagged"));
        try (LuceneSearchIndex index = LuceneSearchIndex.open(data.resolve("search"))) {
            Set<EmailId> on = churn(index, 200, flagged, (id, i) -> {
                index.index(ALICE, id, document().subject("Churn " + i).build());
                index.updateMetadata(ALICE, id, metadata(Set.of("$flagged")));
                if (i % 2 == 0) {
                    index.updateMetadata(ALICE, id, metadata(Set.of("$seen")));
                    return false;
                }
                return true;
            });

            assertThat(index.search(ALICE, flagged)).isEqualTo(on).hasSize(300);
            assertThat(index.search(ALICE, CHURN)).hasSize(600);
        }
    }

    /** What one writer does to its email {@code id}, its {@code i}-th: whether a search must find the email after. */
    private interface Step {
        boolean apply(EmailId id, int i);
    }

    /**
     * Three writers each run {@code step} on {@code perWriter} emails of their own while this thread searches
     * {@code query} over and over: every search finds each email a finished step said to find, and none it said not
     * to. Answers the emails to find.
     */
    private static Set<EmailId> churn(LuceneSearchIndex index, int perWriter, SearchQuery query, Step step)
            throws Exception {
        Set<EmailId> found = ConcurrentHashMap.newKeySet();
        Set<EmailId> notFound = ConcurrentHashMap.newKeySet();
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        EmailId id = EmailId.of("w" + writer + "-" + i);
                        (step.apply(id, i) ? found : notFound).add(id);
                    }
                    return null;
                }));
            }
            while (!writers.stream().allMatch(Future::isDone)) {
                Set<EmailId> mustSee = Set.copyOf(found);
                Set<EmailId> mustNotSee = Set.copyOf(notFound);
                Set<EmailId> result = index.search(ALICE, query);
                assertThat(result).containsAll(mustSee);
                assertThat(result).noneMatch(mustNotSee::contains);
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        }
        return found;
    }

    private static SearchMetadata metadata(Set<String> keywords) {
        return new SearchMetadata(
                keywords,
                Set.of(MailboxId.of("inbox")),
                Instant.parse("2026-01-01T00:00:00Z"),
                null,
                1_000,
                ThreadId.of("t"));
    }
}
