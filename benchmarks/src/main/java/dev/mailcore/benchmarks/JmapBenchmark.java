/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMAP requests over loopback HTTP/1.1 to the standalone server on the memory store (see {@link JmapServerFixture}),
 * one client on one kept-alive connection, timed from request to the whole response body: the session resource,
 * and a mail client's first screen of a large INBOX in one request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class JmapBenchmark {
    @Param({"10000"})
    int mailboxSize;

    private JmapServerFixture fixture;
    private HttpClient client;
    private HttpRequest session;
    private HttpRequest firstScreen;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        fixture = new JmapServerFixture();
        fixture.fill(mailboxSize);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        session = fixture.sessionRequest();
        firstScreen = fixture.firstScreenRequest();
        String answer = send(firstScreen);
        // Fail the trial rather than time an error: the newest message must come first, with its subject.
        if (!answer.contains("\"Message number " + (mailboxSize - 1) + "\"")) {
            throw new IllegalStateException("unexpected Email/query + Email/get answer: " + answer);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        fixture.close();
    }

    /** GET /.well-known/jmap. */
    @Benchmark
    public String sessionResource() throws Exception {
        return send(session);
    }

    /** Email/query (inMailbox INBOX, receivedAt descending, limit 50) and Email/get of those 50, in one request. */
    @Benchmark
    public String queryAndGet50() throws Exception {
        return send(firstScreen);
    }

    /**
     * The same request right after an untimed Email/set that flags or unflags an email: the account's state has
     * moved, so the query cannot be answered from the results kept for the previous state, as for the first listing
     * after new mail.
     */
    @Benchmark
    public String queryAndGet50AfterChange(Changed changed) throws Exception {
        return send(firstScreen);
    }

    /** Moves the account's state before each call of {@link #queryAndGet50AfterChange}, outside its timing. */
    @State(Scope.Benchmark)
    public static class Changed {
        private HttpRequest flag;
        private HttpRequest unflag;
        private boolean flagged;

        @Setup(Level.Trial)
        public void setUp(JmapBenchmark benchmark) {
            String email = benchmark.fixture.someEmailId();
            flag = benchmark.fixture.flagRequest(email, true);
            unflag = benchmark.fixture.flagRequest(email, false);
        }

        // Per invocation is sound here: the timed request takes milliseconds, far above the fixture's own cost.
        @Setup(Level.Invocation)
        public void change(JmapBenchmark benchmark) throws Exception {
            flagged = !flagged;
            String answer = benchmark.send(flagged ? flag : unflag);
            if (!answer.contains("\"updated\":{")) {
                throw new IllegalStateException("the change was refused: " + answer);
            }
        }
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
