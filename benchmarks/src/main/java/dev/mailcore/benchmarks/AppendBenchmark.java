/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks;

import dev.mailcore.api.MailboxId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Appending one 4 KB multipart message through the engine on the in-memory store: spooling, MIME extraction, blob
 * put, the metadata transaction, threading and indexing. The store is made fresh for every iteration, because an
 * in-memory store that keeps every appended message would otherwise measure the garbage collector's growing work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class AppendBenchmark {
    private MemoryEngine store;
    private MailboxId inbox;
    private long next;

    @Setup(Level.Iteration)
    public void setUp() {
        store = new MemoryEngine();
        inbox = store.inbox();
    }

    @TearDown(Level.Iteration)
    public void tearDown() {
        store.close();
    }

    @Benchmark
    public long append() {
        return store.append(inbox, MemoryEngine.message(next++));
    }
}
