/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.search.lucene.LuceneSearchIndex;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Searches of {@link LuceneSearchBenchmark}'s cached index measured by wall time and by the CPU time of the searching
 * thread, in one fresh JVM: first the opening of the index and its first search (a restart), then the warm
 * medians. On a machine shared with other work, wall time includes waiting for a core and CPU time does not, so the
 * two together tell the cost from the queueing.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.mailcore.benchmarks.LuceneSearchProbe 100000 [searches]
 * }</pre>
 */
public final class LuceneSearchProbe {
    private static final AccountId ACCOUNT = AccountId.of("bench");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private LuceneSearchProbe() {}

    public static void main(String[] args) throws IOException {
        int messages = Integer.parseInt(args[0]);
        int searches = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Path directory = LuceneSearchBenchmark.CachedIndex.ensure(messages);
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        try (LuceneSearchIndex index = LuceneSearchIndex.open(directory)) {
            report("open (checksums verified)", wall, cpu);
            wall = System.nanoTime();
            cpu = THREADS.getCurrentThreadCpuTime();
            Set<EmailId> first = index.search(
                    ACCOUNT, new SearchQuery.BodyContains(LuceneSearchBenchmark.MailText.rareWord(messages / 2)));
            report("first search, rare word (" + first.size() + " hit)", wall, cpu);
            measure(
                    index,
                    "rare word",
                    searches,
                    i -> new SearchQuery.BodyContains(LuceneSearchBenchmark.MailText.rareWord((i * 7_919) % messages)));
            measure(
                    index,
                    "common word",
                    searches / 5,
                    i -> new SearchQuery.BodyContains(LuceneSearchBenchmark.MailText.word(0)));
            measure(
                    index,
                    "UNSEEN and common word",
                    searches / 5,
                    i -> SearchQuery.and(
                            SearchQuery.not(new SearchQuery.HasKeyword("$seen")),
                            new SearchQuery.BodyContains(LuceneSearchBenchmark.MailText.word(0))));
        }
    }

    /** Runs as many searches again first as warm-up, then reports the medians of the measured ones. */
    private static void measure(LuceneSearchIndex index, String name, int count, IntFunction<SearchQuery> query) {
        for (int i = 0; i < count; i++) {
            index.search(ACCOUNT, query.apply(count + i));
        }
        long[] walls = new long[count];
        long[] cpus = new long[count];
        int hits = 0;
        for (int i = 0; i < count; i++) {
            long wall = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            hits = index.search(ACCOUNT, query.apply(i)).size();
            cpus[i] = THREADS.getCurrentThreadCpuTime() - cpu;
            walls[i] = System.nanoTime() - wall;
        }
        Arrays.sort(walls);
        Arrays.sort(cpus);
        System.out.printf(
                "%-28s %,7d hits  wall p50 %8.3f ms  p90 %8.3f ms   CPU p50 %8.3f ms  (%d searches after as many"
                        + " warm-up)%n",
                name, hits, walls[count / 2] / 1e6, walls[count * 9 / 10] / 1e6, cpus[count / 2] / 1e6, count);
    }

    private static void report(String name, long wallStart, long cpuStart) {
        System.out.printf(
                "%-28s wall %8.1f ms   CPU %8.1f ms%n",
                name, (System.nanoTime() - wallStart) / 1e6, (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6);
    }
}
