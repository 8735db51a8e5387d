/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.ThreadId;
import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.api.spi.SearchDocument;
import dev.mailcore.api.spi.SearchMetadata;
import dev.mailcore.search.lucene.LuceneSearchIndex;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A new message's metadata given in the same write as its text, against the text first and a doc-values update right
 * after: builds a fresh index on disk each way (twice, alternating, so the second round runs warm) and reports the
 * files left, the indexing thread's CPU time and the CPU median of rare-word searches.
 *
 * <pre>{@code
 * java -Xmx2g --add-modules=jdk.incubator.vector -cp benchmarks/target/benchmarks.jar \
 *     dev.mailcore.benchmarks.LuceneMetadataWritesProbe 10000
 * }</pre>
 */
public final class LuceneMetadataWritesProbe {
    private static final AccountId ACCOUNT = AccountId.of("bench");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private LuceneMetadataWritesProbe() {}

    public static void main(String[] args) throws IOException {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        for (boolean oneWrite : List.of(false, true, false, true)) {
            Path directory = Files.createTempDirectory("lucene-writes-probe");
            try {
                run(directory, messages, oneWrite);
            } finally {
                delete(directory);
            }
        }
    }

    private static void run(Path directory, int messages, boolean oneWrite) throws IOException {
        LuceneSearchBenchmark.MailText text = new LuceneSearchBenchmark.MailText(1);
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        try (LuceneSearchIndex index = LuceneSearchIndex.open(directory)) {
            for (int i = 0; i < messages; i++) {
                EmailId id = EmailId.of("m" + i);
                SearchDocument document = text.message(i).document();
                SearchMetadata metadata = new SearchMetadata(
                        i % 3 == 0 ? Set.of() : Set.of("$seen"),
                        Set.of(MailboxId.of("inbox")),
                        Instant.parse("2026-01-01T00:00:00Z"),
                        null,
                        2_000,
                        ThreadId.of("t" + i));
                if (oneWrite) {
                    index.index(ACCOUNT, id, document, metadata);
                } else {
                    index.index(ACCOUNT, id, document);
                    index.updateMetadata(ACCOUNT, id, metadata);
                }
            }
            index.commit();
            double buildCpu = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
            double buildWall = (System.nanoTime() - wall) / 1e9;
            long files;
            try (Stream<Path> list = Files.list(directory)) {
                files = list.count();
            }
            long[] searches = new long[1_000];
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < searches.length; i++) {
                    long start = THREADS.getCurrentThreadCpuTime();
                    index.search(
                            ACCOUNT,
                            new SearchQuery.BodyContains(
                                    LuceneSearchBenchmark.MailText.rareWord((i * 7_919) % messages)));
                    searches[i] = THREADS.getCurrentThreadCpuTime() - start;
                }
            }
            Arrays.sort(searches);
            System.out.printf(
                    "%-26s build %5.1f s wall, indexing thread CPU %4.1f s; %4d files; rare word CPU p50 %.3f ms%n",
                    oneWrite ? "text and metadata at once" : "text, then metadata update",
                    buildWall,
                    buildCpu,
                    files,
                    searches[searches.length / 2] / 1e6);
        }
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
