/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks.harness;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * JMAP push under many listeners: holds {@code --listeners} EventSource streams (RFC 8620 §7.3) of one user open,
 * then delivers one message at a time over SMTP and times, for each delivery, the moment every stream has its
 * {@code state} event, from the flush of the final dot. Reports the first, the median and the last stream's
 * latency per delivery, as percentiles over the deliveries. One selector thread reads every stream
 * ({@link EventStreams}), so the client's own threads do not compete with the server for the cores. With
 * {@code --reader spin} that thread polls instead of sleeping in {@code select}: on loopback the server's write then
 * need not wake a sleeping reader, and the figures leave out the reader's own wake-ups, as with clients on other
 * machines; it takes a core for itself.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.mailcore.benchmarks.harness.JmapPushProbe \
 *     --http 127.0.0.1:8080 --smtp 127.0.0.1:2525 --user demo@localhost --password secret \
 *     --listeners 1000 --warmup 20 --runs 200
 * }</pre>
 *
 * Exit status 1 when a stream closed or missed an event, 2 for a bad command line. Only loopback is accepted.
 */
public final class JmapPushProbe {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Lets late duplicate events of one delivery (one per change the store publishes) pass before the next. */
    private static final long GAP_MILLIS = 20;

    private final Endpoint http;
    private final Endpoint smtp;
    private final String user;
    private final String authorization;
    private final AtomicInteger closed = new AtomicInteger();
    private EventStreams streams;
    private volatile Round round;

    private JmapPushProbe(Endpoint http, Endpoint smtp, String user, String password) {
        this.http = http;
        this.smtp = smtp;
        this.user = user;
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** One delivery: when its final dot went out, and when each stream saw its event. */
    private static final class Round {
        final int number;
        final long[] arrivals;
        final CountDownLatch pending;
        volatile long sent;

        Round(int number, int listeners) {
            this.number = number;
            this.arrivals = new long[listeners];
            this.pending = new CountDownLatch(listeners);
        }
    }

    public static void main(String[] args) throws Exception {
        String httpValue = null;
        String smtpValue = null;
        String user = null;
        String password = null;
        int count = 1000;
        int warmup = 20;
        int runs = 200;
        boolean spin = false;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--http" -> httpValue = value;
                case "--smtp" -> smtpValue = value;
                case "--user" -> user = value;
                case "--password" -> password = value;
                case "--listeners" -> count = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--runs" -> runs = Integer.parseInt(value);
                case "--reader" -> {
                    if (!value.equals("spin") && !value.equals("sleep")) {
                        System.err.println("--reader is spin or sleep");
                        System.exit(2);
                    }
                    spin = value.equals("spin");
                }
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (httpValue == null || smtpValue == null || user == null || password == null || args.length % 2 != 0) {
            System.err.println("usage: JmapPushProbe --http HOST:PORT --smtp HOST:PORT --user USER --password PASSWORD"
                    + " [--listeners 1000] [--warmup 20] [--runs 200] [--reader sleep|spin]");
            System.exit(2);
        }
        JmapPushProbe probe = new JmapPushProbe(Endpoint.parse(httpValue), Endpoint.parse(smtpValue), user, password);
        System.exit(probe.run(count, warmup, runs, spin) ? 0 : 1);
    }

    private boolean run(int count, int warmup, int runs, boolean spin) throws Exception {
        long opening = System.nanoTime();
        CountDownLatch open = new CountDownLatch(count);
        int[] lastRound = new int[count];
        Arrays.fill(lastRound, -1);
        streams = EventStreams.open(
                http,
                "/jmap/eventsource?types=*&closeafter=no&ping=0",
                authorization,
                count,
                spin,
                new EventStreams.Listener() {
                    @Override
                    public void opened(int stream) {
                        open.countDown();
                    }

                    @Override
                    public void event(int stream, String name, long nanos) {
                        // Only the first event of the current delivery counts; later ones are duplicates.
                        Round current = round;
                        if (name.equals("state") && current != null && lastRound[stream] != current.number) {
                            lastRound[stream] = current.number;
                            current.arrivals[stream] = nanos;
                            current.pending.countDown();
                        }
                    }

                    @Override
                    public void closed(int stream, String why) {
                        closed.incrementAndGet();
                        System.err.println("stream " + stream + ": " + why);
                    }
                });
        if (!open.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            System.err.printf("only %d of %d streams opened%n", count - open.getCount(), count);
            return false;
        }
        System.out.printf("%d EventSource streams open in %.0f ms%n", count, (System.nanoTime() - opening) / 1e6);
        long[] first = new long[runs];
        long[] median = new long[runs];
        long[] last = new long[runs];
        try (SmtpConnection connection = SmtpConnection.open(smtp, false, TIMEOUT)) {
            for (int r = 0; r < warmup + runs; r++) {
                Round current = new Round(r, count);
                round = current;
                byte[] message = ("From: probe@example.org\r\nTo: " + user + "\r\nSubject: push " + r
                                + "\r\nMessage-ID: <push" + r + "." + opening + "@example.org>\r\n\r\nPush probe.\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
                current.sent = connection.sendUpToFinalDot("probe@example.org", user, message);
                connection.awaitAccepted();
                if (!current.pending.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    System.err.printf(
                            "delivery %d: %d of %d streams saw no event%n", r, current.pending.getCount(), count);
                    return false;
                }
                connection.reset();
                Thread.sleep(GAP_MILLIS);
                if (r >= warmup) {
                    long[] latencies = current.arrivals.clone();
                    for (int i = 0; i < latencies.length; i++) {
                        latencies[i] -= current.sent;
                    }
                    Arrays.sort(latencies);
                    first[r - warmup] = latencies[0];
                    median[r - warmup] = latencies[(latencies.length - 1) / 2];
                    last[r - warmup] = latencies[latencies.length - 1];
                }
            }
        }
        int closed = this.closed.get();
        print("final dot -> state event, first stream", first);
        print("final dot -> state event, median stream", median);
        print("final dot -> state event, last stream (all " + count + ")", last);
        System.out.printf("streams still open after %d deliveries: %d of %d%n", warmup + runs, count - closed, count);
        streams.close();
        return closed == 0;
    }

    private static void print(String what, long[] nanos) {
        LatencyStats s = LatencyStats.of(nanos);
        System.out.printf(
                "%s: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%d deliveries)%n",
                what, s.p50(), s.p90(), s.p99(), s.max(), s.samples());
    }
}
