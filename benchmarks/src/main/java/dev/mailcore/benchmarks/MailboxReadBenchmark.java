/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks;

import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.MessageMeta;
import dev.mailcore.api.UidSet;
import dev.mailcore.api.message.MessageSummary;
import dev.mailcore.api.search.SearchQuery;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.infra.Blackhole;

/** Metadata reads on a large mailbox of the in-memory store: what IMAP SELECT, FETCH and SEARCH ask the engine. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class MailboxReadBenchmark {
    @Param({"10000"})
    int mailboxSize;

    private MemoryEngine store;
    private MailboxId inbox;

    @Setup(Level.Trial)
    public void setUp() {
        store = new MemoryEngine();
        inbox = store.inbox();
        for (int i = 0; i < mailboxSize; i++) {
            store.append(inbox, MemoryEngine.message(i));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        store.close();
    }

    /** Metadata and summaries of the first 50 messages (IMAP FETCH 1:50 (FLAGS ENVELOPE RFC822.SIZE INTERNALDATE)). */
    @Benchmark
    public void fetchFirst50(Blackhole hole) {
        List<MessageMeta> metas = store.engine.messages().listByPosition(MemoryEngine.ACCOUNT, inbox, 1, 50);
        Map<EmailId, MessageSummary> summaries = store.engine
                .messages()
                .summaries(
                        MemoryEngine.ACCOUNT,
                        metas.stream().map(MessageMeta::emailId).toList());
        hole.consume(metas);
        hole.consume(summaries);
    }

    /** The UID list SELECT builds its sequence numbers from. */
    @Benchmark
    public long[] selectUids() {
        return store.engine.messages().uids(MemoryEngine.ACCOUNT, inbox);
    }

    /** Flags of every message (IMAP FETCH 1:* FLAGS). */
    @Benchmark
    public List<MessageMeta> fetchAllFlags() {
        return store.engine.messages().list(MemoryEngine.ACCOUNT, inbox, UidSet.all());
    }

    /** A subject search over the whole mailbox with the scan index (the reference, not the fast index). */
    @Benchmark
    public long[] searchSubject() {
        return store.engine
                .search()
                .searchUids(MemoryEngine.ACCOUNT, inbox, new SearchQuery.SubjectContains("number 4242"), List.of());
    }
}
