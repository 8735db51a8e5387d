/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * A load and latency harness for any IMAP server with SMTP or LMTP delivery on this machine. It seeds the INBOX with
 * generated messages, then measures connection, fetch, search and delivery latency (median, 90th and 99th
 * percentile after a warm-up), throughput of a mixed workload of concurrent clients, and the server's resident memory;
 * or, given a start command, only the time from start to the first IMAP greeting; or, with {@code --scenario ingest},
 * only sustained SMTP/LMTP ingest throughput and latency.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.mailcore.benchmarks.harness.Harness \
 *     --target mailcore --imap 127.0.0.1:1143 --smtp 127.0.0.1:2525 --user demo@localhost --password secret \
 *     --messages 10000 --pid 12345
 * }</pre>
 *
 * <p>Results go to {@code --out} as {@code TARGET.json} and {@code TARGET.md} ({@code TARGET-start.*} for start
 * time, {@code TARGET-ingest.*} for {@code --scenario ingest}). Every loop is bounded in count and in time, and only loopback addresses are accepted. The exit status is 1
 * when a search returned a different number of messages than the generator put in, or the INBOX did not grow by
 * exactly the number of accepted messages.
 */
public final class Harness {
    private static final Duration SEED_LIMIT = Duration.ofMinutes(20);

    private Harness() {}

    public static void main(String[] args) throws Exception {
        HarnessOptions options;
        try {
            options = HarnessOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Report report = new Report(options.target(), options.messages());
        if (options.startCommand().isPresent()) {
            measureStart(options, report);
            return;
        }
        if (options.idleConnections() > 0) {
            new IdleConnectionsScenario(options).run(report);
            finish(options, report, "-idle");
            return;
        }
        MessageGenerator generator = new MessageGenerator(options.seed(), options.messages());
        if (options.ingest()) {
            new IngestScenario(options, generator).run(report);
            finish(options, report, "-ingest");
            return;
        }
        Seeder.Outcome seeded = Seeder.seed(options, generator, SEED_LIMIT);
        if (seeded.appended() > 0) {
            System.err.printf(
                    "seeded %d messages in %.1f s%s%n",
                    seeded.appended(), seeded.seconds(), seeded.pipelined() ? ", APPENDs pipelined with LITERAL+" : "");
            report.value(
                    "seedRate",
                    "seeding by IMAP APPEND",
                    "msg/s",
                    seeded.appended() / Math.max(seeded.seconds(), 1e-9));
        }
        if (options.seedOnly()) {
            report.write(options.outDir(), "-seed");
            return;
        }
        new LatencyScenarios(options, generator, report).runAll();
        measureLoad(options, report);
        finish(options, report, "");
    }

    private static void finish(HarnessOptions options, Report report, String suffix) throws IOException {
        Path json = report.write(options.outDir(), suffix);
        System.err.println("wrote " + json);
        System.out.print(Files.readString(options.outDir().resolve(options.target() + suffix + ".md")));
        if (report.failed()) {
            System.exit(1);
        }
    }

    private static void measureLoad(HarnessOptions options, Report report) throws Exception {
        OptionalLong pid = options.pid();
        MemoryProbe probe = pid.isPresent() ? new MemoryProbe(pid.getAsLong()) : null;
        if (probe != null) {
            report.value("rssIdle", "server RSS, idle", "MB", probe.residentKb() / 1024.0);
        }
        MixedWorkload.Outcome outcome;
        long peakKb = -1;
        if (probe != null) {
            try (MemoryProbe.Sampler sampler = new MemoryProbe.Sampler(probe)) {
                outcome = new MixedWorkload(options).run();
                peakKb = sampler.peakKb();
            }
        } else {
            outcome = new MixedWorkload(options).run();
        }
        report.value(
                "mixedThroughput",
                "mixed workload, " + outcome.clients() + " clients, "
                        + options.mixedDuration().toSeconds() + " s",
                "ops/s",
                outcome.perSecond());
        report.latency("mixedLatency", "mixed workload, latency per operation", outcome.latency());
        if (outcome.errors() > 0) {
            report.value("mixedErrors", "mixed workload, failed operations", "ops", outcome.errors());
        }
        if (probe != null) {
            report.value("rssLoad", "server RSS, peak under load", "MB", peakKb / 1024.0);
        }
    }

    private static void measureStart(HarnessOptions options, Report report) throws Exception {
        Files.createDirectories(options.outDir());
        Path log = options.outDir().resolve(options.target() + "-start.log");
        StartupProbe probe = new StartupProbe(options.startCommand().orElseThrow(), options.imap(), log);
        long[] nanos = probe.measure(options.startRuns());
        report.latency("startToGreeting", "start to first IMAP greeting", LatencyStats.of(nanos));
        Path json = report.write(options.outDir(), "-start");
        System.err.println("wrote " + json);
    }
}
