/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.AppendRequest;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.MessageMeta;
import dev.mailcore.api.UidSet;
import dev.mailcore.api.message.MessageSummary;
import dev.mailcore.store.MailEngine;
import dev.mailcore.store.memory.InJvmEventBus;
import dev.mailcore.store.memory.MemoryBlobStore;
import dev.mailcore.store.memory.MemoryMetadataStore;
import dev.mailcore.store.memory.ScanSearchIndex;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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

/**
 * The mailbox engine on the in-memory store: appending a message, and fetching the metadata and summaries of 50
 * messages of a large mailbox (what IMAP {@code FETCH 1:50 (FLAGS ENVELOPE RFC822.SIZE INTERNALDATE)} needs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmarks {
    private static final AccountId ACCOUNT = AccountId.of("bench");

    @Param({"10000"})
    int mailboxSize;

    private MemoryMetadataStore metadata;
    private MemoryBlobStore blobs;
    private ScanSearchIndex index;
    private InJvmEventBus events;
    private MailEngine engine;
    private MailboxId inbox;
    private MailboxId appendTarget;
    private byte[] message;

    @Setup(Level.Trial)
    public void setUp() {
        metadata = new MemoryMetadataStore();
        blobs = new MemoryBlobStore();
        index = new ScanSearchIndex();
        events = new InJvmEventBus();
        engine = MailEngine.builder()
                .metadataStore(metadata)
                .blobStore(blobs)
                .searchIndex(index)
                .eventBus(events)
                .build();
        inbox = engine.mailboxes().byPath(ACCOUNT, "INBOX").orElseThrow().id();
        appendTarget = engine.mailboxes().create(ACCOUNT, "Target", null).id();
        for (int i = 0; i < mailboxSize; i++) {
            engine.messages().append(ACCOUNT, inbox, AppendRequest.of(new ByteArrayInputStream(TestMail.generate(i))));
        }
        message = TestMail.generate(-1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
        events.close();
        index.close();
        blobs.close();
        metadata.close();
    }

    /** One 4 KB multipart message: spool, MIME extraction, blob put, metadata transaction, indexing. */
    @Benchmark
    public long append() {
        return engine.messages()
                .append(ACCOUNT, appendTarget, AppendRequest.of(new ByteArrayInputStream(message)))
                .uid();
    }

    /** Metadata and summaries of 50 messages by position in a mailbox of {@code mailboxSize}. */
    @Benchmark
    public void fetchFirst50(Blackhole hole) {
        List<MessageMeta> metas = engine.messages().listByPosition(ACCOUNT, inbox, 1, 50);
        Map<EmailId, MessageSummary> summaries = engine.messages()
                .summaries(ACCOUNT, metas.stream().map(MessageMeta::emailId).toList());
        hole.consume(metas);
        hole.consume(summaries);
    }

    /** The UID list a SELECT builds its sequence numbers from. */
    @Benchmark
    public long[] selectUids() {
        return engine.messages().uids(ACCOUNT, inbox);
    }

    /** Flags of the whole mailbox (IMAP {@code FETCH 1:* FLAGS}). */
    @Benchmark
    public List<MessageMeta> fetchAllFlags() {
        return engine.messages().list(ACCOUNT, inbox, UidSet.all());
    }

    /** Generates realistic small messages, deterministic per index. */
    static final class TestMail {
        private TestMail() {}

        static byte[] generate(int i) {
            String boundary = "b" + Integer.toHexString(i * 31 + 7);
            String body = ("Line " + i + " of a message body with some words to index. ").repeat(40);
            String raw = "From: Sender " + i + " <sender" + (i % 97) + "@example.com>\r\n"
                    + "To: bench@example.com\r\n"
                    + "Subject: Message number " + i + "\r\n"
                    + "Date: Fri, 02 Jan 2026 03:04:05 +0000\r\n"
                    + "Message-ID: <m" + i + "@example.com>\r\n"
                    + "MIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n"
                    + "\r\n"
                    + "--" + boundary + "\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                    + body + "\r\n"
                    + "--" + boundary + "\r\n"
                    + "Content-Type: text/html; charset=utf-8\r\n\r\n"
                    + "<p>" + body + "</p>\r\n"
                    + "--" + boundary + "--\r\n";
            return raw.getBytes(StandardCharsets.UTF_8);
        }
    }
}
