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
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The Lucene search index on disk, on a mailbox of generated plain-text mail: body searches for a rare and a common
 * word (with and without a flag), a subject and a From substring, the first search of a freshly opened index, a flag
 * change, and indexing throughput.
 *
 * <p>The searched index of each size is built once, with every message's text and metadata in one write and the
 * commits the index makes by itself, under {@code benchmarks/target/lucene-bench/} (the system property
 * {@code mailcore.bench.dir} moves it), and reused by later runs and forks: delete the directory to build it again.
 * The build prints its rate, and the index size next to the size of the raw messages.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar 'LuceneSearchBenchmark.(bodyRareWord|bodyCommonWord)' -wi 3 -i 5 -f 1
 * java -jar benchmarks/target/benchmarks.jar LuceneSearchBenchmark.firstRareWord -wi 0 -i 1 -f 5
 * java -jar benchmarks/target/benchmarks.jar LuceneSearchBenchmark.index10000 -p mailboxSize=10000 -wi 1 -i 3
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
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
        directory = CachedIndex.ensure(mailboxSize);
        long start = System.nanoTime();
        index = LuceneSearchIndex.open(directory);
        System.out.printf(
                "%nopened the index of %,d messages in %.1f ms (checksums verified)%n",
                mailboxSize, (System.nanoTime() - start) / 1e6);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        index.close();
    }

    /** A word in exactly one message. */
    @Benchmark
    public Set<EmailId> bodyRareWord() {
        next = (next + 1) % mailboxSize;
        return index.search(ACCOUNT, new SearchQuery.BodyContains(MailText.rareWord(next)));
    }

    /** The most common word of the vocabulary: in most messages. */
    @Benchmark
    public Set<EmailId> bodyCommonWord() {
        return index.search(ACCOUNT, new SearchQuery.BodyContains(MailText.word(0)));
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

    /**
     * The first rare-word search of a freshly opened index. With {@code -wi 0 -i 1 -f N} each fork is a new JVM that
     * opens the index from disk (its files in the OS cache) and runs this once: a server's first search after a
     * restart. With warm-up iterations, the index is closed and opened again in a warm JVM before each call.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public Set<EmailId> firstRareWord(Reopen reopen) {
        next = (next + 7_919) % mailboxSize;
        return index.search(ACCOUNT, new SearchQuery.BodyContains(MailText.rareWord(next)));
    }

    /** Closes and opens the index before each call after the first, as a restart of the server does. */
    @State(Scope.Thread)
    public static class Reopen {
        private boolean first = true;

        @Setup(Level.Invocation)
        public void reopen(LuceneSearchBenchmark bench) {
            if (first) {
                first = false;
                return;
            }
            bench.index.close();
            bench.index = LuceneSearchIndex.open(bench.directory);
        }
    }

    /** A flag change on an index of 1,000 messages: the email's doc values replaced, its text left alone. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void flagChange(Writing writing) {
        writing.next = (writing.next + 1) % 1_000;
        writing.index.updateMetadata(
                ACCOUNT, EmailId.of("w" + writing.next), metadata(writing.next, Set.of("$seen", "$flagged")));
    }

    /**
     * Indexing 10,000 messages, text and metadata in one write each, into a fresh index on disk with its default
     * commit policy (a background commit every 5,000 changes or 5 seconds) and a commit at the end: messages per
     * second are 10,000 divided by the time. Text extraction from MIME is not included.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public void index10000(Writing writing) {
        long cpu = processCpuNanos();
        for (int i = 0; i < writing.documents.size(); i++) {
            writing.index.index(ACCOUNT, EmailId.of("w" + i), writing.documents.get(i), metadata(i, Set.of()));
        }
        writing.index.commit();
        // On a busy machine the time above includes waiting for a core; the CPU time the process used does not.
        System.out.printf(" [process CPU %.2f s] ", (processCpuNanos() - cpu) / 1e9);
    }

    /** CPU time of all threads of this JVM, Lucene's merge threads included. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** A fresh index on disk per iteration, and 10,000 documents ready to index (1,000 of them indexed for flags). */
    @State(Scope.Thread)
    public static class Writing {
        Path directory;
        LuceneSearchIndex index;
        List<SearchDocument> documents;
        int next;

        @Setup(Level.Iteration)
        public void setUp(BenchmarkParams params) throws IOException {
            directory = Files.createTempDirectory("lucene-bench-write");
            index = LuceneSearchIndex.open(directory.resolve("search"));
            MailText text = new MailText(2);
            documents = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                documents.add(text.message(i).document());
            }
            if (params.getBenchmark().endsWith("flagChange")) {
                for (int i = 0; i < 1_000; i++) {
                    index.index(ACCOUNT, EmailId.of("w" + i), documents.get(i), metadata(i, Set.of()));
                }
                index.commit();
            }
        }

        @TearDown(Level.Iteration)
        public void tearDown() throws IOException {
            index.close();
            delete(directory);
        }
    }

    private static SearchMetadata metadata(int i, Set<String> keywords) {
        return new SearchMetadata(
                keywords,
                Set.of(MailboxId.of("inbox")),
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 60L),
                null,
                2_000,
                ThreadId.of("t" + i));
    }

    /** The searched index of one size, built once and kept for later runs. */
    static final class CachedIndex {
        private CachedIndex() {}

        static Path ensure(int messages) throws IOException {
            Path root = Path.of(System.getProperty("mailcore.bench.dir", "benchmarks/target/lucene-bench"));
            Path directory = root.resolve("index-" + messages);
            Path complete = root.resolve("index-" + messages + ".complete");
            if (Files.exists(complete)) {
                return directory;
            }
            if (Files.exists(directory)) {
                delete(directory);
            }
            Files.createDirectories(root);
            MailText text = new MailText(1);
            long rawBytes = 0;
            long start = System.nanoTime();
            long cpu = processCpuNanos();
            try (LuceneSearchIndex building = LuceneSearchIndex.open(directory)) {
                for (int i = 0; i < messages; i++) {
                    MailText.Message message = text.message(i);
                    rawBytes += message.raw().length;
                    // Two thirds seen, as in a mailbox that is read.
                    building.index(
                            ACCOUNT,
                            EmailId.of("m" + i),
                            message.document(),
                            metadata(i, i % 3 == 0 ? Set.of() : Set.of("$seen")));
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
            long indexBytes = size(directory);
            String report = String.format(
                    "built the index of %,d messages in %.1f s (%,.0f messages/s; process CPU %.1f s;"
                            + " commits every 5,000 and on close), generating the text included;"
                            + " raw messages %,d bytes, index %,d bytes (%.2f of raw)%n",
                    messages,
                    seconds,
                    messages / seconds,
                    cpuSeconds,
                    rawBytes,
                    indexBytes,
                    (double) indexBytes / rawBytes);
            System.out.print(report);
            Files.writeString(complete, report);
            return directory;
        }
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

        /** A message as stored (RFC 5322, CRLF) and as the index is given it. */
        record Message(byte[] raw, SearchDocument document) {}

        Message message(int i) {
            StringBuilder body = new StringBuilder();
            int words = 100 + random.nextInt(400);
            for (int w = 0; w < words; w++) {
                // Zipf-like: rank ~ VOCABULARY^u, so low ranks are far more common.
                int rank = (int) Math.pow(VOCABULARY, random.nextDouble()) - 1;
                body.append(word(rank)).append(w % 12 == 11 ? ".\r\n" : " ");
            }
            body.append(' ').append(rareWord(i)).append("\r\n");
            String subject = "Re: ticket " + i + " " + word(random.nextInt(500));
            String from = "User " + i % 97 + " <user" + i % 97 + "@example.org>";
            String to = "Team <team@example.org>";
            String date = "Thu, 1 Jan 2026 00:00:00 +0000";
            List<SearchDocument.Header> headers = List.of(
                    new SearchDocument.Header("From", from),
                    new SearchDocument.Header("To", to),
                    new SearchDocument.Header("Subject", subject),
                    new SearchDocument.Header("Date", date),
                    new SearchDocument.Header("Message-ID", "<" + i + "@example.org>"),
                    new SearchDocument.Header("MIME-Version", "1.0"),
                    new SearchDocument.Header("Content-Type", "text/plain; charset=utf-8"));
            StringBuilder raw = new StringBuilder();
            for (SearchDocument.Header header : headers) {
                raw.append(header.name()).append(": ").append(header.value()).append("\r\n");
            }
            raw.append("\r\n").append(body);
            SearchDocument document =
                    new SearchDocument(headers, subject, from, to, "", "", body.toString(), List.of(), null);
            return new Message(raw.toString().getBytes(StandardCharsets.UTF_8), document);
        }
    }
}
