/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.search.lucene;

import static dev.mailcore.store.tck.SearchDocumentBuilder.document;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.search.AddressField;
import dev.mailcore.api.search.SearchQuery;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Closing and opening an index on disk: same results after a restart, a new empty index when it cannot be used. */
class LuceneSearchIndexDurabilityTest {
    private static final AccountId ALICE = AccountId.of("alice");
    private static final List<SearchQuery> QUERIES = List.of(
            new SearchQuery.SubjectContains("report"),
            new SearchQuery.BodyContains("numbers"),
            new SearchQuery.AddressContains(AddressField.FROM, "ALICE@"),
            new SearchQuery.AttachmentNameContains(".pdf"),
            SearchQuery.not(new SearchQuery.HeaderContains("x-priority", "")),
            SearchQuery.all());

    @TempDir
    Path data;

    @Test
    void aNewIndexIsEmptyAndNeedsReindexing() {
        try (LuceneSearchIndex index = LuceneSearchIndex.open(data.resolve("search"))) {
            assertThat(index.needsReindex()).isTrue();
            assertThat(index.wasRebuilt()).isFalse();
            assertThat(index.search(ALICE, SearchQuery.all())).isEmpty();
        }
    }

    @Test
    void aReopenedIndexReturnsTheSameResults() {
        Path path = data.resolve("search");
        Map<SearchQuery, Set<EmailId>> before = new LinkedHashMap<>();
        try (LuceneSearchIndex index = LuceneSearchIndex.open(path)) {
            fill(index);
            QUERIES.forEach(query -> before.put(query, index.search(ALICE, query)));
        }
        assertThat(before.values()).allSatisfy(hits -> assertThat(hits).isNotEmpty());

        try (LuceneSearchIndex index = LuceneSearchIndex.open(path)) {
            assertThat(index.needsReindex()).isFalse();
            assertThat(index.wasRebuilt()).isFalse();
            QUERIES.forEach(query ->
                    assertThat(index.search(ALICE, query)).as("%s", query).isEqualTo(before.get(query)));
            // Removals made before the restart stay removed.
            assertThat(index.search(ALICE, SearchQuery.all())).doesNotContain(EmailId.of("m0"));
        }
    }

    @Test
    void anIndexWithACorruptFileIsMovedAsideAndStartsEmpty() throws IOException {
        Path path = data.resolve("search");
        try (LuceneSearchIndex index = LuceneSearchIndex.open(path)) {
            fill(index);
        }
        flipBytesInTheMiddle(largestFile(path));

        try (LuceneSearchIndex index = LuceneSearchIndex.open(path)) {
            assertThat(index.wasRebuilt()).isTrue();
            assertThat(index.needsReindex()).isTrue();
            assertThat(index.search(ALICE, SearchQuery.all())).isEmpty();
            index.index(ALICE, EmailId.of("again"), document().subject("report").build());
            assertThat(index.search(ALICE, new SearchQuery.SubjectContains("report")))
                    .containsExactly(EmailId.of("again"));
        }
        assertThat(data.resolve("search.unusable-1")).isDirectory();
        try (LuceneSearchIndex index = LuceneSearchIndex.open(path)) {
            assertThat(index.wasRebuilt()).isFalse();
            assertThat(index.search(ALICE, SearchQuery.all())).containsExactly(EmailId.of("again"));
        }
    }

    @Test
    void aTruncatedFileIsFoundEvenWithoutChecksumVerification() throws IOException {
        Path path = data.resolve("search");
        try (LuceneSearchIndex index = LuceneSearchIndex.open(path)) {
            fill(index);
        }
        Path victim = largestFile(path);
        try (FileChannel channel = FileChannel.open(victim, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        }

        try (LuceneSearchIndex index = LuceneSearchIndex.builder()
                .directory(path)
                .verifyChecksumsOnOpen(false)
                .build()) {
            assertThat(index.wasRebuilt()).isTrue();
            assertThat(index.search(ALICE, SearchQuery.all())).isEmpty();
        }
    }

    @Test
    void anIndexWithoutItsCommitIsMovedAsideAndStartsEmpty() throws IOException {
        Path path = data.resolve("search");
        try (LuceneSearchIndex index = LuceneSearchIndex.open(path)) {
            fill(index);
        }
        try (Stream<Path> files = Files.list(path)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments"))
                    .toList()) {
                Files.delete(file);
            }
        }

        try (LuceneSearchIndex index = LuceneSearchIndex.open(path)) {
            assertThat(index.wasRebuilt()).isTrue();
            assertThat(index.search(ALICE, SearchQuery.all())).isEmpty();
        }
        assertThat(data.resolve("search.unusable-1")).isDirectory();
    }

    @Test
    void anIndexWrittenWithTheOtherBodyModeIsRebuilt() {
        Path path = data.resolve("search");
        try (LuceneSearchIndex index = LuceneSearchIndex.open(path)) {
            fill(index);
        }

        try (LuceneSearchIndex index = LuceneSearchIndex.builder()
                .directory(path)
                .exactBodySubstrings(true)
                .build()) {
            assertThat(index.wasRebuilt()).isTrue();
            assertThat(index.exactBodySubstrings()).isTrue();
            assertThat(index.search(ALICE, SearchQuery.all())).isEmpty();
        }
    }

    @Test
    void aSecondIndexOnTheSameDirectoryIsRefusedAndTheFirstKeepsWorking() {
        Path path = data.resolve("search");
        try (LuceneSearchIndex index = LuceneSearchIndex.open(path)) {
            fill(index);

            assertThatThrownBy(() -> LuceneSearchIndex.open(path))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another writer");
            assertThat(index.search(ALICE, new SearchQuery.SubjectContains("report")))
                    .isNotEmpty();
        }
        assertThat(data.resolve("search.unusable-1")).doesNotExist();
    }

    @Test
    void committedChangesAreInTheFilesBeforeClose() {
        Path path = data.resolve("search");
        try (LuceneSearchIndex index = LuceneSearchIndex.open(path)) {
            index.index(ALICE, EmailId.of("m1"), document().subject("durable").build());
            index.commit();

            try (FSDirectory directory = FSDirectory.open(path);
                    DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.numDocs()).isEqualTo(1);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    @Timeout(60)
    void changesAreCommittedInTheBackgroundWithoutAnExplicitCommit() throws Exception {
        Path path = data.resolve("search");
        try (LuceneSearchIndex index = LuceneSearchIndex.builder()
                .directory(path)
                .commitInterval(Duration.ofHours(1))
                .commitAfterUpdates(3)
                .build()) {
            for (int i = 0; i < 3; i++) {
                index.index(
                        ALICE,
                        EmailId.of("m" + i),
                        document().subject("durable " + i).build());
            }
            // The commit runs on the index's own thread; wait for it (a test timeout ends a hang).
            while (committedDocuments(path) < 3) {
                Thread.sleep(20);
            }
        }
    }

    @Test
    void anIndexThatWasNotClosedAsksForAReindexOnce() throws IOException {
        Path path = data.resolve("search");
        Path crashed = data.resolve("crashed");
        try (LuceneSearchIndex index = LuceneSearchIndex.open(path)) {
            fill(index);
            index.commit();
            // What a crash now leaves: the files of the last commit, which is not the one made by close.
            Files.createDirectories(crashed);
            try (Stream<Path> files = Files.list(path)) {
                for (Path file : files.toList()) {
                    if (!file.getFileName().toString().equals("write.lock")) {
                        Files.copy(file, crashed.resolve(file.getFileName()));
                    }
                }
            }
        }
        try (LuceneSearchIndex index = LuceneSearchIndex.open(crashed)) {
            assertThat(index.wasUncleanlyClosed()).isTrue();
            assertThat(index.needsReindex()).isTrue();
            assertThat(index.wasRebuilt()).isFalse();
            // What was committed is still there.
            assertThat(index.search(ALICE, SearchQuery.all())).hasSize(199);
        }
        try (LuceneSearchIndex index = LuceneSearchIndex.open(crashed)) {
            assertThat(index.wasUncleanlyClosed()).isFalse();
            assertThat(index.needsReindex()).isFalse();
        }
    }

    private static int committedDocuments(Path path) throws IOException {
        try (FSDirectory directory = FSDirectory.open(path);
                DirectoryReader reader = DirectoryReader.open(directory)) {
            return reader.numDocs();
        }
    }

    @Test
    void callsAfterCloseAreRefused() {
        LuceneSearchIndex index = LuceneSearchIndex.open(data.resolve("search"));
        index.close();
        index.close();

        assertThatThrownBy(() -> index.search(ALICE, SearchQuery.all())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> index.index(ALICE, EmailId.of("m1"), document().build()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> index.remove(ALICE, EmailId.of("m1"))).isInstanceOf(IllegalStateException.class);
    }

    private static void fill(LuceneSearchIndex index) {
        for (int i = 0; i < 200; i++) {
            index.index(
                    ALICE,
                    EmailId.of("m" + i),
                    document()
                            .from(i % 2 == 0 ? "Alice <alice@example.org>" : "Bob <bob@example.net>")
                            .subject((i % 3 == 0 ? "Report " : "Lunch ") + i)
                            .body("final numbers " + i)
                            .header(i % 5 == 0 ? "X-Priority" : "X-Mailer", "1")
                            .attachment(i % 4 == 0 ? "invoice-" + i + ".PDF" : "photo.jpg")
                            .build());
            if (i % 50 == 0) {
                // Several segments, as a real index has.
                index.commit();
            }
        }
        index.remove(ALICE, EmailId.of("m0"));
    }

    private static Path largestFile(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> !file.getFileName().toString().equals("write.lock"))
                    .max(Comparator.comparingLong(LuceneSearchIndexDurabilityTest::size))
                    .orElseThrow();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void flipBytesInTheMiddle(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = bytes.length / 2; i < bytes.length / 2 + 8; i++) {
            bytes[i] = (byte) ~bytes[i];
        }
        Files.write(file, bytes);
    }
}
