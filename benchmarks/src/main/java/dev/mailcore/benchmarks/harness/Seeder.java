/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks.harness;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Fills the INBOX with the generated messages by IMAP APPEND, unless it holds them already. */
final class Seeder {
    private static final int BATCH = 50;

    private Seeder() {}

    /**
     * The outcome of seeding.
     *
     * @param appended messages appended by this run (0 when the INBOX was full already)
     * @param seconds time spent appending
     * @param pipelined whether APPENDs went out without waiting for continuations (LITERAL+)
     */
    record Outcome(int appended, double seconds, boolean pipelined) {}

    static Outcome seed(HarnessOptions options, MessageGenerator generator, Duration limit) throws IOException {
        try (ImapConnection imap = ImapConnection.open(options.imap(), Duration.ofSeconds(60))) {
            imap.login(options.user(), options.password());
            long present = imap.command("STATUS INBOX (MESSAGES)").statusItem("MESSAGES");
            if (present >= generator.count()) {
                if (present > generator.count()) {
                    System.err.println("note: INBOX holds " + present + " messages, more than the " + generator.count()
                            + " generated; extra ones came from earlier delivery runs");
                }
                return new Outcome(0, 0, false);
            }
            if (present != 0) {
                throw new IllegalStateException("INBOX holds " + present + " messages, neither 0 nor "
                        + generator.count() + ": empty it or use a fresh server so search counts can be checked");
            }
            boolean literalPlus = imap.command("CAPABILITY").untagged().stream()
                    .anyMatch(l -> l.toUpperCase(java.util.Locale.ROOT).contains(" LITERAL+"));
            long start = System.nanoTime();
            long deadline = start + limit.toNanos();
            int appended = 0;
            while (appended < generator.count()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("seeding took longer than " + limit + " after " + appended);
                }
                List<byte[]> batch = new ArrayList<>(BATCH);
                for (int i = appended; i < Math.min(generator.count(), appended + BATCH); i++) {
                    batch.add(generator.message(i));
                }
                imap.append("INBOX", batch, literalPlus);
                appended += batch.size();
                if (appended % 1_000 == 0) {
                    System.err.println("seeded " + appended + " of " + generator.count());
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            imap.logout();
            return new Outcome(appended, seconds, literalPlus);
        }
    }
}
