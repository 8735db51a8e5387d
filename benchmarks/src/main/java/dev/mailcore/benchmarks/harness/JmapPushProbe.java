/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * JMAP push under many listeners: holds {@code --listeners} EventSource streams (RFC 8620 §7.3) of one user open,
 * then delivers one message at a time over SMTP and times, for each delivery, the moment every stream has its
 * {@code state} event, from the flush of the final dot. Reports the first, the median and the last stream's
 * latency per delivery, as percentiles over the deliveries.
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
    private final List<Listener> listeners = new ArrayList<>();
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
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (httpValue == null || smtpValue == null || user == null || password == null || args.length % 2 != 0) {
            System.err.println("usage: JmapPushProbe --http HOST:PORT --smtp HOST:PORT --user USER --password PASSWORD"
                    + " [--listeners 1000] [--warmup 20] [--runs 200]");
            System.exit(2);
        }
        JmapPushProbe probe = new JmapPushProbe(Endpoint.parse(httpValue), Endpoint.parse(smtpValue), user, password);
        System.exit(probe.run(count, warmup, runs) ? 0 : 1);
    }

    private boolean run(int count, int warmup, int runs) throws Exception {
        long opening = System.nanoTime();
        CountDownLatch open = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            listeners.add(new Listener(i, open));
        }
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
        int closed = (int) listeners.stream().filter(l -> l.closed).count();
        print("final dot -> state event, first stream", first);
        print("final dot -> state event, median stream", median);
        print("final dot -> state event, last stream (all " + count + ")", last);
        System.out.printf("streams still open after %d deliveries: %d of %d%n", warmup + runs, count - closed, count);
        listeners.forEach(Listener::close);
        return closed == 0;
    }

    private static void print(String what, long[] nanos) {
        LatencyStats s = LatencyStats.of(nanos);
        System.out.printf(
                "%s: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%d deliveries)%n",
                what, s.p50(), s.p90(), s.p99(), s.max(), s.samples());
    }

    /** One EventSource stream, read by a virtual thread of its own. */
    private final class Listener {
        private final int index;
        private final Socket socket = new Socket();
        private final AtomicInteger lastRound = new AtomicInteger(-1);
        volatile boolean closed;

        Listener(int index, CountDownLatch open) throws IOException {
            this.index = index;
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(http.address(), http.port()), (int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET /jmap/eventsource?types=*&closeafter=no&ping=0 HTTP/1.1\r\n"
                            + "Host: " + http.address().getHostAddress() + ":" + http.port() + "\r\n"
                            + "Authorization: " + authorization + "\r\n"
                            + "Accept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.ofVirtual().start(() -> read(open));
        }

        private void read(CountDownLatch open) {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                String status = in.readLine();
                if (status == null || !status.startsWith("HTTP/1.1 200")) {
                    System.err.println("stream " + index + ": " + status);
                    return;
                }
                // Chunk sizes and the event fields arrive as lines; only the event names matter here.
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    long now = System.nanoTime();
                    if (line.startsWith(": open")) {
                        open.countDown();
                    } else if (line.equals("event: state")) {
                        arrived(now);
                    }
                }
            } catch (IOException e) {
                // Closed by close() at the end, or by the server: counted below.
            } finally {
                closed = true;
            }
        }

        /** Counts the first event of the current delivery; later ones of the same delivery are duplicates. */
        private void arrived(long now) {
            Round current = round;
            if (current != null && lastRound.getAndSet(current.number) != current.number) {
                current.arrivals[index] = now;
                current.pending.countDown();
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // Done measuring: nothing to do about a failed close.
            }
        }
    }
}
