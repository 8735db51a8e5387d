/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.AppendRequest;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.FlagChange;
import dev.mailcore.api.Flags;
import dev.mailcore.api.Keywords;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.UidSet;
import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.store.MailEngine;
import dev.mailcore.store.memory.MemoryBlobStore;
import dev.mailcore.store.memory.MemoryMetadataStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart replays only the change log after the MODSEQ the index committed: nothing after a clean shutdown, the
 * changes after the last commit after a crash, and the whole account when the index is gone or unusable. The stores
 * outlive the engines here, as a database outlives the process.
 */
class IndexCatchUpTest {
    private static final AccountId ALICE = AccountId.of("alice");
    private static final SearchQuery LEDGER = new SearchQuery.BodyContains("ledger");

    @TempDir
    Path data;

    private final MemoryMetadataStore metadata = new MemoryMetadataStore();
    private final MemoryBlobStore blobs = new MemoryBlobStore();

    @AfterEach
    void closeStores() {
        blobs.close();
        metadata.close();
    }

    @Test
    void aCleanRestartReindexesNothing() {
        Path path = data.resolve("search");
        try (LuceneSearchIndex index = LuceneSearchIndex.open(path);
                MailEngine engine = engine(index)) {
            assertThat(engine.catchUpIndex(ALICE)).isZero();
            append(engine, 20);
        }
        try (LuceneSearchIndex index = LuceneSearchIndex.open(path);
                MailEngine engine = engine(index)) {
            assertThat(index.durableModSeq(ALICE)).isNotEmpty();

            assertThat(engine.catchUpIndex(ALICE)).isZero();
            assertThat(search(engine, LEDGER)).hasSize(20);
        }
    }

    @Test
    void afterACrashOnlyTheChangesAfterTheLastCommitAreReplayed() throws IOException {
        Path path = data.resolve("search");
        Path crashed = data.resolve("crashed");
        try (LuceneSearchIndex index = builder(path);
                MailEngine engine = engine(index)) {
            engine.catchUpIndex(ALICE);
            append(engine, 10);
            engine.search().searchEmails(ALICE, LEDGER, List.of());
            index.commit();
            OptionalLong committed = index.durableModSeq(ALICE);
            assertThat(committed).isNotEmpty();
            // After the commit: five new messages, and the first one flagged.
            append(engine, 5);
            engine.messages()
                    .updateFlags(
                            ALICE,
                            inbox(engine),
                            UidSet.of(1),
                            FlagChange.add(Flags.of(Keywords.FLAGGED)),
                            OptionalLong.empty());
            engine.search().searchEmails(ALICE, LEDGER, List.of());
            // What a crash now leaves: the files of the last commit.
            CrashedIndex.copyWithoutLock(path, crashed);
        }
        try (LuceneSearchIndex index = LuceneSearchIndex.open(crashed);
                MailEngine engine = engine(index)) {
            assertThat(index.wasUncleanlyClosed()).isTrue();
            assertThat(search(engine, LEDGER)).hasSize(10);

            assertThat(engine.catchUpIndex(ALICE)).isEqualTo(6);

            assertThat(search(engine, LEDGER)).hasSize(15);
            assertThat(search(engine, SearchQuery.and(LEDGER, new SearchQuery.HasKeyword(Keywords.FLAGGED))))
                    .hasSize(1);
            assertThat(index.search(ALICE, SearchQuery.and(LEDGER, new SearchQuery.HasKeyword(Keywords.FLAGGED))))
                    .as("the index itself holds the flag")
                    .hasSize(1);
        }
    }

    @Test
    void aCorruptOrMissingIndexIsRebuiltFromTheStore() throws IOException {
        Path path = data.resolve("search");
        try (LuceneSearchIndex index = LuceneSearchIndex.open(path);
                MailEngine engine = engine(index)) {
            engine.catchUpIndex(ALICE);
            append(engine, 12);
        }
        try (Stream<Path> files = Files.list(path)) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().startsWith("segments")) {
                    Files.write(file, new byte[] {1, 2, 3});
                }
            }
        }
        try (LuceneSearchIndex index = LuceneSearchIndex.open(path);
                MailEngine engine = engine(index)) {
            assertThat(index.wasRebuilt()).isTrue();
            assertThat(index.durableModSeq(ALICE)).isEmpty();

            assertThat(engine.catchUpIndex(ALICE)).isEqualTo(12);
            assertThat(search(engine, LEDGER)).hasSize(12);
        }
        try (LuceneSearchIndex index = LuceneSearchIndex.open(data.resolve("elsewhere"));
                MailEngine engine = engine(index)) {
            assertThat(engine.catchUpIndex(ALICE)).isEqualTo(12);
            assertThat(search(engine, LEDGER)).hasSize(12);
        }
    }

    private static LuceneSearchIndex builder(Path path) {
        // No background commit during the test: the crash must find exactly the commit the test made.
        return LuceneSearchIndex.builder()
                .directory(path)
                .commitInterval(Duration.ofHours(1))
                .build();
    }

    private MailEngine engine(LuceneSearchIndex index) {
        return MailEngine.builder()
                .metadataStore(metadata)
                .blobStore(blobs)
                .searchIndex(index)
                .build();
    }

    private static List<EmailId> search(MailEngine engine, SearchQuery query) {
        return engine.search().searchEmails(ALICE, query, List.of());
    }

    private static MailboxId inbox(MailEngine engine) {
        return engine.mailboxes().byPath(ALICE, "INBOX").orElseThrow().id();
    }

    private static void append(MailEngine engine, int count) {
        MailboxId inbox = inbox(engine);
        for (int i = 0; i < count; i++) {
            String raw = "From: Alice <alice@example.com>\r\nTo: bob@example.com\r\nSubject: Entry " + i
                    + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nthe ledger " + i
                    + "\r\n";
            engine.messages()
                    .append(
                            ALICE,
                            inbox,
                            AppendRequest.of(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
        }
    }
}
