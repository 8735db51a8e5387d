/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.ThreadId;
import dev.mailcore.api.search.AddressField;
import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.api.spi.SearchDocument;
import dev.mailcore.api.spi.SearchMetadata;
import dev.mailcore.search.lucene.LuceneSearchIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Lucene search index on disk: body searches for a rare and a common word, a subject substring and a From
 * substring on a mailbox of generated mail, and indexing throughput. The setup prints the index size next to the
 * size of the indexed text.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar LuceneSearchBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"
        })
public class LuceneSearchBenchmark {
    private static final AccountId ACCOUNT = AccountId.of("bench");

    @Param({"10000", "100000"})
    int mailboxSize;

    private Path directory;
    private LuceneSearchIndex index;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        directory = Files.createTempDirectory("lucene-bench");
        index = LuceneSearchIndex.open(directory.resolve("search"));
        MailText text = new MailText(1);
        long rawChars = 0;
        for (int i = 0; i < mailboxSize; i++) {
            SearchDocument document = text.document(i);
            rawChars += document.body().length()
                    + document.subject().length()
                    + document.from().length();
            index.index(ACCOUNT, EmailId.of("m" + i), document);
            index.updateMetadata(ACCOUNT, EmailId.of("m" + i), metadata(i % 3 == 0 ? Set.of() : Set.of("$seen")));
        }
        index.commit();
        System.out.printf(
                "%nindexed %,d documents, %,d chars of text, index %,d bytes%n",
                mailboxSize, rawChars, size(directory));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        index.close();
        delete(directory);
    }

    /** A word in exactly one message. */
    @Benchmark
    public Set<EmailId> bodyRareWord() {
        next = (next + 1) % mailboxSize;
        return index.search(ACCOUNT, new SearchQuery.BodyContains(MailText.rareWord(next)));
    }

    /** IMAP {@code SEARCH UNSEEN BODY <rare>}: text and a flag, one index query. */
    @Benchmark
    public Set<EmailId> unseenRareWord() {
        next = (next + 1) % mailboxSize;
        return index.search(
                ACCOUNT,
                SearchQuery.and(
                        SearchQuery.not(new SearchQuery.HasKeyword("$seen")),
                        new SearchQuery.BodyContains(MailText.rareWord(next))));
    }

    /** IMAP {@code SEARCH UNSEEN BODY <common>}: the flag test runs on nearly every message. */
    @Benchmark
    public Set<EmailId> unseenCommonWord() {
        return index.search(
                ACCOUNT,
                SearchQuery.and(
                        SearchQuery.not(new SearchQuery.HasKeyword("$seen")),
                        new SearchQuery.BodyContains(MailText.word(0))));
    }

    /** A flag change: the email's doc values replaced, its text left alone. */
    @Benchmark
    public void flagChange() {
        next = (next + 1) % mailboxSize;
        index.updateMetadata(ACCOUNT, EmailId.of("m" + next), metadata(Set.of("$seen", "$flagged")));
    }

    /** The first rare-word search after the index was closed and opened again (the files in the OS cache). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 10)
    public Set<EmailId> firstRareWordAfterRestart(Restart restart) {
        next = (next + 1) % mailboxSize;
        return index.search(ACCOUNT, new SearchQuery.BodyContains(MailText.rareWord(next)));
    }

    /** Closes and opens the index before each call, as a restart of the server does. */
    @State(Scope.Thread)
    public static class Restart {
        @Setup(Level.Invocation)
        public void reopen(LuceneSearchBenchmark bench) {
            bench.index.close();
            bench.index = LuceneSearchIndex.open(bench.directory.resolve("search"));
        }
    }

    private static SearchMetadata metadata(Set<String> keywords) {
        return new SearchMetadata(
                keywords,
                Set.of(MailboxId.of("inbox")),
                Instant.parse("2026-01-01T00:00:00Z"),
                null,
                2_000,
                ThreadId.of("t"));
    }

    /** The most common word of the vocabulary: in most messages. */
    @Benchmark
    public Set<EmailId> bodyCommonWord() {
        return index.search(ACCOUNT, new SearchQuery.BodyContains(MailText.word(0)));
    }

    /** An exact substring inside subject words. */
    @Benchmark
    public Set<EmailId> subjectSubstring() {
        next = (next + 1) % 1_000;
        return index.search(ACCOUNT, new SearchQuery.SubjectContains("ticket " + next + "7"));
    }

    /** IMAP SEARCH FROM with a part of an address. */
    @Benchmark
    public Set<EmailId> fromSubstring() {
        return index.search(ACCOUNT, new SearchQuery.AddressContains(AddressField.FROM, "user42@"));
    }

    /** Indexing 1,000 messages into a fresh on-disk index (divide 1,000 by the time for messages per second). */
    @State(Scope.Thread)
    public static class Writing {
        Path directory;
        LuceneSearchIndex index;
        List<SearchDocument> documents;

        @Setup(Level.Iteration)
        public void setUp() throws IOException {
            directory = Files.createTempDirectory("lucene-bench-write");
            index = LuceneSearchIndex.open(directory.resolve("search"));
            MailText text = new MailText(2);
            documents = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                documents.add(text.document(i));
            }
        }

        @TearDown(Level.Iteration)
        public void tearDown() throws IOException {
            index.close();
            delete(directory);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 10)
    public void index1000(Writing writing) {
        for (int i = 0; i < writing.documents.size(); i++) {
            writing.index.index(ACCOUNT, EmailId.of("w" + i), writing.documents.get(i));
        }
        writing.index.commit();
    }

    private static long size(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> {
                        try {
                            return Files.size(file);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sum();
        }
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Generated mail text: words of a skewed vocabulary, one rare word per message, a ticket number per subject. */
    static final class MailText {
        private static final int VOCABULARY = 20_000;
        private final Random random;

        MailText(long seed) {
            this.random = new Random(seed);
        }

        static String word(int rank) {
            StringBuilder word = new StringBuilder();
            int n = rank + 1;
            while (n > 0) {
                word.append("bcdfghjklmnprstvz".charAt(n % 17)).append("aeiou".charAt((n / 17) % 5));
                n /= 85;
            }
            return word.toString();
        }

        /** A word of message {@code i} only; fixed width, so that no rare word is a prefix of another. */
        static String rareWord(int i) {
            return "rare" + (10_000_000 + i);
        }

        SearchDocument document(int i) {
            StringBuilder body = new StringBuilder();
            int words = 100 + random.nextInt(400);
            for (int w = 0; w < words; w++) {
                // Zipf-like: rank ~ VOCABULARY^u, so low ranks are far more common.
                int rank = (int) Math.pow(VOCABULARY, random.nextDouble()) - 1;
                body.append(word(rank)).append(w % 12 == 11 ? ".\r\n" : " ");
            }
            body.append(' ').append(rareWord(i));
            String subject = "Re: ticket " + i + " " + word(random.nextInt(500));
            String from = "User " + i % 97 + " <user" + i % 97 + "@example.org>";
            List<SearchDocument.Header> headers = List.of(
                    new SearchDocument.Header("From", from),
                    new SearchDocument.Header("To", "Team <team@example.org>"),
                    new SearchDocument.Header("Subject", subject),
                    new SearchDocument.Header("Message-ID", "<" + i + "@example.org>"));
            return new SearchDocument(
                    headers, subject, from, "Team <team@example.org>", "", "", body.toString(), List.of(), null);
        }
    }
}
