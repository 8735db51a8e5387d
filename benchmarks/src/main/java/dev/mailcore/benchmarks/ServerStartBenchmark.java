/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks;

import dev.mailcore.server.MailServer;
import dev.mailcore.server.Protocol;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Start and stop of a whole server in a warm JVM, as a test suite does it per class or per test: the memory store,
 * SMTP and IMAP on free loopback ports, bound before {@code start()} returns and released by {@code close()}. No
 * users: each user costs one password hash at the directory's strength, which a test kit lowers on purpose.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1)
public class ServerStartBenchmark {
    @Benchmark
    public int startAndStop() {
        try (MailServer server = MailServer.builder()
                .smtp("127.0.0.1", 0)
                .imap("127.0.0.1", 0)
                .build()
                .start()) {
            return server.boundAddress(Protocol.IMAP).getPort();
        }
    }
}
