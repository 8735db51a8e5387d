/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks.harness;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sustained SMTP or LMTP ingest: concurrent clients that each keep one connection and send generated messages of
 * about {@link #MESSAGE_OCTETS} octets back to back (MAIL, RCPT, DATA, then RSET) for a fixed time. Afterwards the
 * INBOX must have grown by exactly the number of accepted messages, and the delivery-to-IDLE latency is measured on
 * its own.
 */
final class IngestScenario {
    static final int MESSAGE_OCTETS = 10 * 1024;
    private static final int MAX_MESSAGES_PER_CLIENT = 10_000_000;
    private static final int MAX_ERRORS_PER_CLIENT = 100;
    /** Message indexes of client {@code c} start at {@code (c + 1) * INDEX_STRIDE}, beyond any seeded mailbox. */
    private static final int INDEX_STRIDE = 100_000_000;

    /**
     * The outcome of one run.
     *
     * @param clients concurrent clients
     * @param seconds measured wall time
     * @param accepted messages the server answered the final dot of with 2xx
     * @param octets octets of the accepted messages
     * @param errors refused messages and failed transactions
     * @param latency final dot to accepting reply, per accepted message
     * @param inboxBefore INBOX message count before the run
     * @param inboxAfter INBOX message count after the run
     */
    record Outcome(
            int clients,
            double seconds,
            long accepted,
            long octets,
            long errors,
            LatencyStats latency,
            long inboxBefore,
            long inboxAfter) {
        double messagesPerSecond() {
            return seconds == 0 ? 0 : accepted / seconds;
        }

        double megabytesPerSecond() {
            return seconds == 0 ? 0 : octets / seconds / (1024.0 * 1024.0);
        }
    }

    private final HarnessOptions options;
    private final MessageGenerator generator;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong octets = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    IngestScenario(HarnessOptions options, MessageGenerator generator) {
        this.options = options;
        this.generator = generator;
        if (options.delivery().isEmpty()) {
            throw new IllegalArgumentException("the ingest scenario needs --smtp or --lmtp");
        }
    }

    /** Runs the ingest, checks the INBOX count, measures delivery to IDLE, and puts it all in {@code report}. */
    Outcome run(Report report) throws Exception {
        Outcome outcome = ingest();
        String load = outcome.clients() + " clients, " + options.mixedDuration().toSeconds() + " s, "
                + MESSAGE_OCTETS / 1024 + " KB messages";
        report.value("ingestMessages", "ingest, " + load, "msg/s", outcome.messagesPerSecond());
        report.value("ingestMegabytes", "ingest, " + load, "MB/s", outcome.megabytesPerSecond());
        report.latency("ingestLatency", "ingest, final dot → accepting reply", outcome.latency());
        report.value("ingestAccepted", "ingest, messages accepted", "msg", outcome.accepted());
        if (outcome.errors() > 0) {
            report.value("ingestErrors", "ingest, refused or failed messages", "msg", outcome.errors());
        }
        report.check("ingestInboxGrowth", outcome.accepted(), outcome.inboxAfter() - outcome.inboxBefore());
        new LatencyScenarios(options, generator, report).measureDelivery();
        return outcome;
    }

    private Outcome ingest() throws Exception {
        long before = inboxMessages();
        long start = System.nanoTime();
        long deadline = start + options.mixedDuration().toNanos();
        List<Samples> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < options.clients(); c++) {
            Samples samples = new Samples();
            perClient.add(samples);
            int firstIndex = (c + 1) * INDEX_STRIDE;
            threads.add(
                    Thread.ofPlatform().name("ingest-client-" + c).start(() -> client(firstIndex, samples, deadline)));
        }
        for (Thread thread : threads) {
            thread.join(options.mixedDuration().plusSeconds(90).toMillis());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Samples all = new Samples();
        perClient.forEach(all::addAll);
        return new Outcome(
                options.clients(),
                seconds,
                accepted.get(),
                octets.get(),
                errors.get(),
                all.stats(),
                before,
                inboxMessages());
    }

    private void client(int firstIndex, Samples samples, long deadline) {
        int index = firstIndex;
        int failures = 0;
        int sent = 0;
        while (System.nanoTime() < deadline && sent < MAX_MESSAGES_PER_CLIENT && failures < MAX_ERRORS_PER_CLIENT) {
            try (SmtpConnection smtp = SmtpConnection.open(
                    options.delivery().orElseThrow(), options.lmtp(), LatencyScenarios.IO_TIMEOUT)) {
                while (System.nanoTime() < deadline && sent < MAX_MESSAGES_PER_CLIENT) {
                    byte[] message = generator.sized(index++, MESSAGE_OCTETS);
                    long dot = smtp.sendUpToFinalDot("bench@example.org", options.recipient(), message);
                    boolean ok = smtp.accepted();
                    long nanos = System.nanoTime() - dot;
                    sent++;
                    if (ok) {
                        samples.add(nanos);
                        accepted.incrementAndGet();
                        octets.addAndGet(message.length);
                    } else {
                        failures++;
                        errors.incrementAndGet();
                    }
                    smtp.reset();
                }
            } catch (IOException | RuntimeException e) {
                failures++;
                if (errors.incrementAndGet() <= 10) {
                    System.err.println("ingest: " + e);
                }
            }
        }
    }

    private long inboxMessages() throws IOException {
        try (ImapConnection imap = ImapConnection.open(options.imap(), LatencyScenarios.IO_TIMEOUT)) {
            imap.login(options.user(), options.password());
            long messages = imap.command("STATUS INBOX (MESSAGES)").statusItem("MESSAGES");
            imap.logout();
            return messages;
        }
    }
}
