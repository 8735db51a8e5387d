/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks.harness;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Concurrent clients that each keep one selected IMAP session and issue a mix of what a mail client does, for a fixed
 * time: header fetches of a screenful (40 %), whole-message fetches (20 %), text searches (15 %), NOOP (10 %), flag
 * changes (10 %) and, when a delivery endpoint is given, deliveries (5 %).
 */
final class MixedWorkload {
    private static final int MAX_OPERATIONS_PER_CLIENT = 10_000_000;
    private static final int MAX_ERRORS_PER_CLIENT = 100;

    /**
     * The outcome of one run.
     *
     * @param clients concurrent clients
     * @param seconds measured wall time
     * @param operations operations completed
     * @param errors operations that failed
     * @param latency latency of every completed operation
     */
    record Outcome(int clients, double seconds, long operations, long errors, LatencyStats latency) {
        double perSecond() {
            return seconds == 0 ? 0 : operations / seconds;
        }
    }

    private final HarnessOptions options;
    private final AtomicLong errors = new AtomicLong();

    MixedWorkload(HarnessOptions options) {
        this.options = options;
    }

    Outcome run() throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + options.mixedDuration().toNanos();
        List<Samples> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < options.clients(); c++) {
            Samples samples = new Samples();
            perClient.add(samples);
            long clientSeed = options.seed() * 31 + c;
            threads.add(Thread.ofPlatform()
                    .name("mixed-client-" + c)
                    .start(() -> client(new Random(clientSeed), samples, deadline)));
        }
        for (Thread thread : threads) {
            thread.join(options.mixedDuration().plusSeconds(90).toMillis());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Samples all = new Samples();
        perClient.forEach(all::addAll);
        return new Outcome(options.clients(), seconds, all.size(), errors.get(), all.stats());
    }

    private void client(Random random, Samples samples, long deadline) {
        int failures = 0;
        int done = 0;
        while (System.nanoTime() < deadline && done < MAX_OPERATIONS_PER_CLIENT && failures < MAX_ERRORS_PER_CLIENT) {
            try (ImapConnection imap = ImapConnection.open(options.imap(), LatencyScenarios.IO_TIMEOUT)) {
                imap.login(options.user(), options.password());
                int exists = Math.max(1, imap.command("SELECT INBOX").exists());
                while (System.nanoTime() < deadline && done < MAX_OPERATIONS_PER_CLIENT) {
                    long begin = System.nanoTime();
                    operation(imap, random, exists);
                    samples.add(System.nanoTime() - begin);
                    done++;
                }
                imap.logout();
            } catch (IOException | RuntimeException e) {
                failures++;
                if (errors.incrementAndGet() <= 10) {
                    System.err.println("mixed workload: " + e);
                }
            }
        }
    }

    private void operation(ImapConnection imap, Random random, int exists) throws IOException {
        int pick = random.nextInt(100);
        int n = 1 + random.nextInt(exists);
        if (pick < 40) {
            int first = 1 + random.nextInt(Math.max(1, exists - 20));
            imap.command("FETCH " + first + ":" + Math.min(exists, first + 19) + " (FLAGS ENVELOPE RFC822.SIZE)");
        } else if (pick < 60) {
            imap.command("FETCH " + n + " BODY.PEEK[]");
        } else if (pick < 75) {
            imap.command("UID SEARCH TEXT "
                    + (random.nextBoolean() ? MessageGenerator.RARE_WORD : MessageGenerator.COMMON_WORD));
        } else if (pick < 85) {
            imap.command("NOOP");
        } else if (pick < 95 || options.delivery().isEmpty()) {
            imap.command("STORE " + n + (random.nextBoolean() ? " +" : " -") + "FLAGS.SILENT (\\Flagged)");
        } else {
            try (SmtpConnection smtp = SmtpConnection.open(
                    options.delivery().orElseThrow(), options.lmtp(), LatencyScenarios.IO_TIMEOUT)) {
                smtp.deliver("bench@example.org", options.recipient(), LatencyScenarios.deliveryMessage(n));
            }
        }
    }
}
