/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.AppendRequest;
import dev.mailcore.api.AppendResult;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.store.MailEngine;
import dev.mailcore.store.memory.MemoryBlobStore;
import dev.mailcore.store.memory.MemoryMetadataStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine indexes through its queue: a search never misses a message whose append returned before it, never
 * shows one whose removal returned before it, and keyword changes are seen at once; the index on disk survives a
 * restart and a crash.
 */
class AsyncIndexingEngineTest {
    private static final AccountId ALICE = AccountId.of("alice");

    @TempDir
    Path data;

    private final MemoryMetadataStore metadata = new MemoryMetadataStore();
    private final MemoryBlobStore blobs = new MemoryBlobStore();

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void searchesDuringChurnAgreeWithTheStoreAtEachPoint() throws Exception {
        Set<EmailId> present = ConcurrentHashMap.newKeySet();
        Set<EmailId> flagged = ConcurrentHashMap.newKeySet();
        Set<EmailId> gone = ConcurrentHashMap.newKeySet();
        // Removals that have started: one may start after a search took its expectations and end before the
        // search reads the index, so an email in it is promised neither way until its removal returned.
        Set<EmailId> removing = ConcurrentHashMap.newKeySet();
        SearchQuery churn = new SearchQuery.SubjectContains("churn");
        SearchQuery churnFlagged =
                SearchQuery.and(new SearchQuery.BodyContains("ledger"), new SearchQuery.HasKeyword("$flagged"));
        try (LuceneSearchIndex index = LuceneSearchIndex.open(data.resolve("index"));
                // A tiny queue, so writers also meet back-pressure.
                MailEngine engine = engine(index, 2);
                ExecutorService pool = Executors.newFixedThreadPool(2)) {
            MailboxId inbox = inbox(engine);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 150; i++) {
                        AppendResult appended = append(engine, inbox, "Churn " + writer + "-" + i, "the ledger " + i);
                        EmailId id = appended.emailId();
                        present.add(id);
                        if (i % 3 == 1) {
                            engine.messages().updateEmail(ALICE, id, Set.of("$flagged"), Set.of(), Set.of());
                            flagged.add(id);
                        }
                        if (i % 4 == 2) {
                            // No longer promised before the removal starts; promised gone once it returned.
                            removing.add(id);
                            present.remove(id);
                            flagged.remove(id);
                            engine.messages().destroy(ALICE, List.of(id));
                            gone.add(id);
                        }
                    }
                    return null;
                }));
            }
            int searches = 0;
            while (!writers.stream().allMatch(Future::isDone) || searches < 20) {
                Set<EmailId> mustSee = Set.copyOf(present);
                Set<EmailId> mustSeeFlagged = Set.copyOf(flagged);
                Set<EmailId> mustNotSee = Set.copyOf(gone);
                Set<EmailId> found = Set.copyOf(engine.search().searchEmails(ALICE, churn, List.of()));
                Set<EmailId> foundFlagged = Set.copyOf(engine.search().searchEmails(ALICE, churnFlagged, List.of()));
                Set<EmailId> removalStarted = Set.copyOf(removing);
                assertThat(found).containsAll(without(mustSee, removalStarted)).noneMatch(mustNotSee::contains);
                assertThat(foundFlagged)
                        .containsAll(without(mustSeeFlagged, removalStarted))
                        .noneMatch(mustNotSee::contains);
                searches++;
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            assertThat(engine.search().searchEmails(ALICE, churn, List.of()))
                    .containsExactlyInAnyOrderElementsOf(present);
            assertThat(engine.search().searchEmails(ALICE, churnFlagged, List.of()))
                    .containsExactlyInAnyOrderElementsOf(flagged);
            // Of 0..149, 37 numbers leave 2 when divided by 4.
            assertThat(present).hasSize(2 * (150 - 37));
        }
    }

    @Test
    void aSearchRightAfterAnAppendFindsIt() {
        try (LuceneSearchIndex index = LuceneSearchIndex.inMemory();
                MailEngine engine = engine(index, 1_000)) {
            MailboxId inbox = inbox(engine);
            for (int i = 0; i < 50; i++) {
                EmailId id =
                        append(engine, inbox, "Quarterly " + i, "numbers " + i).emailId();
                assertThat(engine.search()
                                .searchEmails(ALICE, new SearchQuery.SubjectContains("quarterly " + i + ""), List.of()))
                        .contains(id);
            }
        }
    }

    @Test
    void aClosedAndReopenedIndexGivesTheSameResults() {
        List<SearchQuery> queries = List.of(
                new SearchQuery.SubjectContains("report"),
                new SearchQuery.BodyContains("ledger"),
                SearchQuery.and(
                        new SearchQuery.BodyContains("ledger"), SearchQuery.not(new SearchQuery.HasKeyword("$seen"))));
        List<List<EmailId>> before = new ArrayList<>();
        try (LuceneSearchIndex index = LuceneSearchIndex.open(data.resolve("index"));
                MailEngine engine = engine(index, 100)) {
            fill(engine);
            queries.forEach(q -> before.add(engine.search().searchEmails(ALICE, q, List.of())));
        }
        assertThat(before).allSatisfy(hits -> assertThat(hits).isNotEmpty());
        try (LuceneSearchIndex index = LuceneSearchIndex.open(data.resolve("index"));
                MailEngine engine = engine(index, 100)) {
            assertThat(index.needsReindex()).isFalse();
            for (int i = 0; i < queries.size(); i++) {
                assertThat(engine.search().searchEmails(ALICE, queries.get(i), List.of()))
                        .isEqualTo(before.get(i));
            }
        }
    }

    @Test
    void afterACrashTheIndexAsksForAReindexAndTheReindexCompletesIt() throws Exception {
        Path index = data.resolve("index");
        Path crashed = data.resolve("crashed");
        List<EmailId> all;
        // No periodic commit during the test, so the last commit is the one made here.
        try (LuceneSearchIndex lucene = LuceneSearchIndex.builder()
                        .directory(index)
                        .commitInterval(Duration.ofHours(1))
                        .build();
                MailEngine engine = engine(lucene, 100)) {
            fill(engine);
            // A content search waits for the engine's queue, so the commit covers everything appended so far.
            engine.search().searchEmails(ALICE, new SearchQuery.BodyContains("ledger"), List.of());
            lucene.commit();
            // Appended after the last commit: what a crash loses.
            append(engine, inbox(engine), "Report late", "the ledger after the commit");
            all = engine.search().searchEmails(ALICE, new SearchQuery.BodyContains("ledger"), List.of());
            // The files as a crash at this moment leaves them: the last commit, not closed.
            CrashedIndex.copyWithoutLock(index, crashed);
        }
        try (LuceneSearchIndex lucene = LuceneSearchIndex.open(crashed);
                MailEngine engine = engine(lucene, 100)) {
            assertThat(lucene.needsReindex()).isTrue();
            assertThat(lucene.wasUncleanlyClosed()).isTrue();
            assertThat(lucene.wasRebuilt()).isFalse();
            assertThat(engine.search().searchEmails(ALICE, new SearchQuery.BodyContains("ledger"), List.of()))
                    .hasSize(all.size() - 1);

            engine.reindex(ALICE);

            assertThat(engine.search().searchEmails(ALICE, new SearchQuery.BodyContains("ledger"), List.of()))
                    .isEqualTo(all);
        }
        try (LuceneSearchIndex lucene = LuceneSearchIndex.open(crashed)) {
            assertThat(lucene.needsReindex()).isFalse();
        }
    }

    @Test
    void aMissingIndexIsCreatedEmptyAndFilledByAReindex() throws Exception {
        List<EmailId> all;
        try (LuceneSearchIndex lucene = LuceneSearchIndex.open(data.resolve("index"));
                MailEngine engine = engine(lucene, 100)) {
            fill(engine);
            all = engine.search().searchEmails(ALICE, new SearchQuery.SubjectContains("report"), List.of());
        }
        deleteTree(data.resolve("index"));
        try (LuceneSearchIndex lucene = LuceneSearchIndex.open(data.resolve("index"));
                MailEngine engine = engine(lucene, 100)) {
            assertThat(lucene.needsReindex()).isTrue();
            assertThat(engine.search().searchEmails(ALICE, new SearchQuery.SubjectContains("report"), List.of()))
                    .isEmpty();
            engine.reindex(ALICE);
            assertThat(engine.search().searchEmails(ALICE, new SearchQuery.SubjectContains("report"), List.of()))
                    .isEqualTo(all);
        }
    }

    private static Set<EmailId> without(Set<EmailId> ids, Set<EmailId> removed) {
        Set<EmailId> out = new HashSet<>(ids);
        out.removeAll(removed);
        return out;
    }

    private MailEngine engine(LuceneSearchIndex index, int queueCapacity) {
        return MailEngine.builder()
                .metadataStore(metadata)
                .blobStore(blobs)
                .searchIndex(index)
                .indexQueueCapacity(queueCapacity)
                .build();
    }

    private static MailboxId inbox(MailEngine engine) {
        return engine.mailboxes().byPath(ALICE, "INBOX").orElseThrow().id();
    }

    private static void fill(MailEngine engine) {
        MailboxId inbox = inbox(engine);
        for (int i = 0; i < 60; i++) {
            AppendResult appended = append(engine, inbox, (i % 2 == 0 ? "Report " : "Lunch ") + i, "the ledger " + i);
            if (i % 3 == 0) {
                engine.messages().updateEmail(ALICE, appended.emailId(), Set.of("$seen"), Set.of(), Set.of());
            }
            if (i % 10 == 0) {
                engine.messages().destroy(ALICE, List.of(appended.emailId()));
            }
        }
    }

    private static AppendResult append(MailEngine engine, MailboxId mailbox, String subject, String body) {
        String raw = "From: Alice <alice@example.com>\r\nTo: bob@example.com\r\nSubject: " + subject
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n";
        return engine.messages()
                .append(
                        ALICE,
                        mailbox,
                        AppendRequest.of(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
