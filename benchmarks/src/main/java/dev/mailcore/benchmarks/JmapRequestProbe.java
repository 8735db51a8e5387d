/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

/**
 * The requests of {@link JmapBenchmark}, each sent {@code runs} times one after the other, reporting the wall-clock
 * percentiles and the CPU time the whole process (server and client together) spent per request. On a busy machine
 * the wall clock mostly measures waiting for a core; the CPU time per request barely moves, and on an idle machine
 * a request's latency cannot be far below it.
 *
 * <p>The session resource is timed twice more on a {@link RawHttpConnection plain socket}, with HTTP Basic and with a
 * bearer token: {@code java.net.http}'s own work per request is of the same order as the server's for so small a
 * response, so those rows show the server's latency.
 *
 * <p>The optional third argument picks what is measured, comma-separated: {@code session} (the session resource),
 * {@code query} (Email/query + Email/get of 50, asked again at an unchanged state, as a list view reopened),
 * {@code query-after-change} (the same request right after an untimed Email/set that flags or unflags an email, so
 * the account's state has moved and the query runs afresh, as the first listing after new mail does); all three
 * when left out. The CPU time of the after-change figure includes the untimed Email/set.
 *
 * <pre>{@code
 * java -Xms2g -Xmx2g -cp benchmarks/target/benchmarks.jar dev.mailcore.benchmarks.JmapRequestProbe 10000 5000
 * java -Xms2g -Xmx2g -cp benchmarks/target/benchmarks.jar dev.mailcore.benchmarks.JmapRequestProbe 10000 5000 \
 *     query-after-change
 * }</pre>
 */
public final class JmapRequestProbe {
    private JmapRequestProbe() {}

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        List<String> modes = List.of((args.length > 2 ? args[2] : "session,query,query-after-change").split(","));
        try (JmapServerFixture fixture = new JmapServerFixture();
                HttpClient client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build()) {
            fixture.fill(messages);
            if (modes.contains("session")) {
                measure("session resource", client, fixture.sessionRequest(), runs);
                measureRaw("session resource, raw socket, Basic", fixture, fixture.authorization, runs);
                measureRaw("session resource, raw socket, Bearer", fixture, "Bearer " + fixture.bearerToken(), runs);
            }
            if (modes.contains("query")) {
                measure("Email/query + Email/get of 50", client, fixture.firstScreenRequest(), runs);
            }
            if (modes.contains("query-after-change")) {
                String flagged = fixture.someEmailId();
                HttpRequest flag = fixture.flagRequest(flagged, true);
                HttpRequest unflag = fixture.flagRequest(flagged, false);
                HttpRequest query = fixture.firstScreenRequest();
                time(
                        "Email/query + Email/get of 50, after a change",
                        i -> change(client, i % 2 == 0 ? flag : unflag),
                        () -> send(client, query),
                        runs);
            }
        }
    }

    private static void measure(String what, HttpClient client, HttpRequest request, int runs) throws Exception {
        time(what, i -> {}, () -> send(client, request), runs);
    }

    private static void measureRaw(String what, JmapServerFixture fixture, String authorization, int runs)
            throws Exception {
        try (RawHttpConnection http = new RawHttpConnection(fixture.address())) {
            byte[] request = RawHttpConnection.get("/.well-known/jmap", fixture.hostHeader(), authorization);
            time(
                    what,
                    i -> {},
                    () -> {
                        int status = http.exchange(request);
                        if (status != 200) {
                            throw new IllegalStateException("HTTP " + status);
                        }
                    },
                    runs);
        }
    }

    private interface Call {
        void run() throws Exception;
    }

    @FunctionalInterface
    private interface Before {
        void run(int i) throws Exception;
    }

    /** Runs {@code call} {@code runs} times, each after an untimed {@code before}, first to warm up, then timed. */
    private static void time(String what, Before before, Call call, int runs) throws Exception {
        for (int i = 0; i < runs; i++) {
            before.run(i);
            call.run(); // warm-up: as many runs as are measured
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] nanos = new long[runs];
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getTotalThreadAllocatedBytes();
        long cpuBefore = os.getProcessCpuTime();
        long callerBefore = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < runs; i++) {
            before.run(i);
            long start = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - start;
        }
        long cpu = os.getProcessCpuTime() - cpuBefore;
        long caller = threads.getCurrentThreadCpuTime() - callerBefore;
        long allocated = threads.getTotalThreadAllocatedBytes() - allocatedBefore;
        Arrays.sort(nanos);
        // The raw-socket client does all its work on the calling thread, so the rest is the server's (with the JIT
        // and the collector); java.net.http works on threads of its own too. Allocation, like CPU time, barely
        // moves with the load. Both include the untimed step before each call.
        System.out.printf(
                "%s: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms wall; %.3f ms CPU per request (server and client),"
                        + " %.3f ms of it on the calling thread; %.1f KB allocated per request; %d runs%n",
                what,
                nanos[runs / 2] / 1e6,
                nanos[runs * 9 / 10] / 1e6,
                nanos[runs * 99 / 100] / 1e6,
                cpu / 1e6 / runs,
                caller / 1e6 / runs,
                allocated / 1024.0 / runs,
                runs);
    }

    /** An Email/set that must have updated its email: otherwise the state would not move. */
    private static void change(HttpClient client, HttpRequest request) throws Exception {
        String body = send(client, request);
        if (!body.contains("\"updated\":{") || body.contains("\"notUpdated\":{")) {
            throw new IllegalStateException("the change was refused: " + body);
        }
    }

    private static String send(HttpClient client, HttpRequest request) throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
