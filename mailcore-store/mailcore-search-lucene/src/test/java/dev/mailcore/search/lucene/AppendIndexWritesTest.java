/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.AppendRequest;
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
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new message reaches the index as one document that already carries its keywords and mailboxes; only a later
 * flag or mailbox change updates doc values in place. Read from the committed segments: updates in place leave
 * generations of doc-values files beside a segment, which every search then has to read as well.
 */
class AppendIndexWritesTest {
    private static final AccountId ALICE = AccountId.of("alice");

    @TempDir
    Path data;

    @Test
    void anAppendWritesOneDocumentWithItsMetadataAndAFlagChangeUpdatesInPlace() throws IOException {
        Path path = data.resolve("search");
        try (MemoryMetadataStore metadata = new MemoryMetadataStore();
                MemoryBlobStore blobs = new MemoryBlobStore()) {
            try (LuceneSearchIndex index = LuceneSearchIndex.open(path);
                    MailEngine engine = engine(metadata, blobs, index)) {
                engine.catchUpIndex(ALICE);
                MailboxId inbox =
                        engine.mailboxes().byPath(ALICE, "INBOX").orElseThrow().id();
                for (int i = 0; i < 5; i++) {
                    append(engine, inbox, "the ledger " + i, i == 0 ? Set.of(Keywords.SEEN) : Set.of());
                }
                SearchQuery unseen = SearchQuery.and(
                        new SearchQuery.BodyContains("ledger"),
                        SearchQuery.not(new SearchQuery.HasKeyword(Keywords.SEEN)));
                assertThat(engine.search().searchEmails(ALICE, unseen, List.of()))
                        .hasSize(4);
                assertThat(index.search(ALICE, unseen))
                        .as("the index answers the flag itself")
                        .hasSize(4);
                index.commit();

                assertThat(segmentsWithUpdates(path)).isZero();

                engine.messages()
                        .updateFlags(
                                ALICE,
                                inbox,
                                UidSet.of(2),
                                FlagChange.add(Flags.of(Keywords.SEEN)),
                                OptionalLong.empty());
                assertThat(engine.search().searchEmails(ALICE, unseen, List.of()))
                        .hasSize(3);
                assertThat(index.search(ALICE, unseen)).hasSize(3);
                index.commit();

                assertThat(segmentsWithUpdates(path)).isPositive();
            }
        }
    }

    private static long segmentsWithUpdates(Path path) throws IOException {
        try (FSDirectory directory = FSDirectory.open(path)) {
            SegmentInfos segments = SegmentInfos.readLatestCommit(directory);
            long updated = 0;
            for (SegmentCommitInfo segment : segments) {
                if (segment.hasFieldUpdates()) {
                    updated++;
                }
            }
            return updated;
        }
    }

    private static MailEngine engine(MemoryMetadataStore metadata, MemoryBlobStore blobs, LuceneSearchIndex index) {
        return MailEngine.builder()
                .metadataStore(metadata)
                .blobStore(blobs)
                .searchIndex(index)
                .build();
    }

    private static void append(MailEngine engine, MailboxId inbox, String body, Set<String> keywords) {
        String raw = "From: Alice <alice@example.com>\r\nTo: bob@example.com\r\nSubject: Entry\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n";
        engine.messages()
                .append(
                        ALICE,
                        inbox,
                        new AppendRequest(
                                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)), keywords, null));
    }
}
