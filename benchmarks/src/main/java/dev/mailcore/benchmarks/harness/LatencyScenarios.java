/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** The single-client latency measurements (a) to (e) of the harness. */
final class LatencyScenarios {
    static final Duration IO_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    private final HarnessOptions options;
    private final MessageGenerator generator;
    private final Report report;

    LatencyScenarios(HarnessOptions options, MessageGenerator generator, Report report) {
        this.options = options;
        this.generator = generator;
        this.report = report;
    }

    void runAll() throws Exception {
        report.latency(
                "connectLoginListStatus", "connect + LOGIN + LIST + STATUS", measure(this::connectLoginListStatus));
        report.latency(
                "connectSelectFetch50",
                "connect + LOGIN + SELECT + FETCH 1:50 + LOGOUT",
                measure(this::connectSelectFetch));
        try (ImapConnection imap = selectedInbox()) {
            for (String word : List.of(MessageGenerator.RARE_WORD, MessageGenerator.COMMON_WORD)) {
                String kind = word.equals(MessageGenerator.RARE_WORD) ? "Rare" : "Common";
                long expected = generator.expectedMatches(word);
                long[] found = {-1};
                LatencyStats stats = measure(() -> {
                    long start = System.nanoTime();
                    ImapResponse r = imap.command("UID SEARCH TEXT " + word);
                    long nanos = System.nanoTime() - start;
                    found[0] = r.searchResults().size();
                    return nanos;
                });
                report.search(
                        "search" + kind,
                        "UID SEARCH TEXT, " + kind.toLowerCase(java.util.Locale.ROOT) + " word",
                        stats,
                        expected,
                        found[0]);
            }
            long uid = largeMessageUid(imap);
            long[] octets = {0};
            LatencyStats stats = measure(() -> {
                long start = System.nanoTime();
                ImapResponse r = imap.command("UID FETCH " + uid + " BODY.PEEK[]");
                long nanos = System.nanoTime() - start;
                octets[0] = r.octets();
                return nanos;
            });
            if (octets[0] < MessageGenerator.LARGE_BODY_OCTETS) {
                throw new IOException("the large message came back with only " + octets[0] + " octets");
            }
            report.latency("fetchLargeBody", "UID FETCH BODY.PEEK[] of a 100 KB message", stats);
            imap.logout();
        }
        if (options.delivery().isPresent()) {
            measureDelivery();
        }
    }

    /** Delivery latency alone: from the final dot of a delivery to the EXISTS an IDLE session sees. */
    void measureDelivery() throws Exception {
        report.latency("deliveryToIdle", "delivery (SMTP or LMTP): final dot → EXISTS in IDLE", deliveryToIdle());
    }

    private LatencyStats measure(Repeat.Measured operation) throws Exception {
        return Repeat.measure(options.warmup(), options.runs(), options.scenarioLimit(), operation);
    }

    private long connectLoginListStatus() throws IOException {
        long start = System.nanoTime();
        ImapConnection imap = ImapConnection.open(options.imap(), IO_TIMEOUT);
        try {
            imap.login(options.user(), options.password());
            imap.command("LIST \"\" \"*\"");
            imap.command("STATUS INBOX (MESSAGES UIDNEXT UNSEEN)");
            return System.nanoTime() - start;
        } finally {
            imap.logout();
        }
    }

    private long connectSelectFetch() throws IOException {
        long start = System.nanoTime();
        try (ImapConnection imap = ImapConnection.open(options.imap(), IO_TIMEOUT)) {
            imap.login(options.user(), options.password());
            int exists = imap.command("SELECT INBOX").exists();
            ImapResponse fetch = imap.command("FETCH 1:50 (FLAGS ENVELOPE RFC822.SIZE INTERNALDATE)");
            imap.logout();
            long nanos = System.nanoTime() - start;
            if (fetch.fetchCount() != Math.min(50, exists)) {
                throw new IOException("FETCH 1:50 returned " + fetch.fetchCount() + " messages");
            }
            return nanos;
        }
    }

    private ImapConnection selectedInbox() throws IOException {
        ImapConnection imap = ImapConnection.open(options.imap(), IO_TIMEOUT);
        imap.login(options.user(), options.password());
        imap.command("SELECT INBOX");
        return imap;
    }

    private static long largeMessageUid(ImapConnection imap) throws IOException {
        List<Long> uids = imap.command("UID SEARCH SUBJECT " + MessageGenerator.LARGE_SUBJECT_WORD)
                .searchResults();
        if (uids.size() != 1) {
            throw new IOException("expected one message with subject word " + MessageGenerator.LARGE_SUBJECT_WORD
                    + ", found " + uids.size());
        }
        return uids.get(0);
    }

    /** From the flush of the final dot to the EXISTS that announces the message in an IDLE session. */
    private LatencyStats deliveryToIdle() throws Exception {
        Endpoint endpoint = options.delivery().orElseThrow();
        try (ImapConnection idle = ImapConnection.open(options.imap(), IO_TIMEOUT);
                SmtpConnection smtp = SmtpConnection.open(endpoint, options.lmtp(), IO_TIMEOUT)) {
            idle.login(options.user(), options.password());
            int[] known = {idle.command("SELECT INBOX").exists()};
            idle.idle();
            int[] sequence = {0};
            LatencyStats stats = measure(() -> {
                byte[] message = deliveryMessage(sequence[0]++);
                long sent = smtp.sendUpToFinalDot("bench@example.org", options.recipient(), message);
                int exists = idle.awaitExists(known[0], DELIVERY_TIMEOUT);
                long nanos = System.nanoTime() - sent;
                smtp.awaitAccepted();
                if (exists < 0) {
                    throw new IOException("no EXISTS within " + DELIVERY_TIMEOUT + " of a delivery");
                }
                known[0] = exists;
                return nanos;
            });
            idle.done();
            return stats;
        }
    }

    /** A small message without marker words, so later search counts stay right. */
    static byte[] deliveryMessage(int n) {
        return ("From: Bench <bench@example.org>\r\nTo: demo@localhost\r\nSubject: delivery " + n
                        + "\r\nMessage-ID: <delivery." + n + "." + System.nanoTime()
                        + "@harness.localhost>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
                        + "A short message to measure delivery.\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
