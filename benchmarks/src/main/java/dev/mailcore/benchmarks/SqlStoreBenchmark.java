/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.AppendRequest;
import dev.mailcore.api.ChangeSet;
import dev.mailcore.api.FlagChange;
import dev.mailcore.api.FlagListing;
import dev.mailcore.api.Flags;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.MessageMeta;
import dev.mailcore.api.UidSet;
import dev.mailcore.store.MailEngine;
import dev.mailcore.store.memory.InJvmEventBus;
import dev.mailcore.store.memory.MemoryBlobStore;
import dev.mailcore.store.sql.SqlMetadataStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
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
 * The SQL metadata store under the engine, on H2 (file mode) and on PostgreSQL (a real server started in the
 * setup): appending a 10 KB message, and reading a 100,000-message mailbox as IMAP SELECT and FETCH 1:* FLAGS do,
 * and the change log as CONDSTORE and JMAP /changes do.
 *
 * <p>Blobs are kept in memory so the figures are the metadata store's. The large mailbox is filled through the
 * engine ({@code appendAll}, 500 messages of about 4 KB per transaction: the same rows a single append writes), then
 * 100 single flag changes give the change log 100 operations of its own at the end. Filling takes minutes, so it is
 * done once and kept in the temporary directory for later runs (see {@link BenchmarkDatabase}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true"})
public class SqlStoreBenchmark {
    static final AccountId ACCOUNT = AccountId.of("bench");
    private static final int SEED_BATCH = 500;
    private static final int RECENT_CHANGES = 100;

    /** The database server (or H2 directory), for the whole trial. */
    @State(Scope.Benchmark)
    public static class Database {
        @Param({"h2", "postgres"})
        String database;

        BenchmarkDatabase db;

        @Setup(Level.Trial)
        public void start() {
            db = new BenchmarkDatabase(database);
        }

        @TearDown(Level.Trial)
        public void stop() {
            db.close();
        }
    }

    /** An engine on an empty store, new for every iteration so the store's growth is not what is measured. */
    @State(Scope.Benchmark)
    public static class Empty {
        Engine engine;
        long next;

        @Setup(Level.Iteration)
        public void open(Database database) {
            engine = new Engine(database.db.newStore());
        }

        @TearDown(Level.Iteration)
        public void close() {
            engine.close();
        }
    }

    /** An engine whose INBOX holds 100,000 messages, the last 100 operations flag changes. */
    @State(Scope.Benchmark)
    public static class Full {
        @Param({"100000"})
        int mailboxSize;

        Engine engine;
        long since;

        @Setup(Level.Trial)
        public void fill(Database database) {
            engine = new Engine(database.db.seededStore("inbox" + mailboxSize, this::seed));
            since = engine.engine.changes().highestModSeq(ACCOUNT) - RECENT_CHANGES;
            ChangeSet recent = engine.engine.changes().since(ACCOUNT, since, 10 * RECENT_CHANGES);
            // One flag change logs the email and, as its unseen count moves, the mailbox: at least one entry each.
            if (recent.changes().size() < RECENT_CHANGES || recent.hasMore()) {
                throw new IllegalStateException("expected the last " + RECENT_CHANGES + " operations, got " + recent);
            }
            long[] uids = engine.engine.messages().uids(ACCOUNT, engine.inbox);
            if (uids.length != mailboxSize) {
                throw new IllegalStateException("expected " + mailboxSize + " messages, found " + uids.length);
            }
        }

        private void seed(SqlMetadataStore store) {
            try (Engine seeding = new Engine(store)) {
                for (int from = 0; from < mailboxSize; from += SEED_BATCH) {
                    List<AppendRequest> batch = new ArrayList<>(SEED_BATCH);
                    for (int i = from; i < Math.min(mailboxSize, from + SEED_BATCH); i++) {
                        batch.add(AppendRequest.of(new ByteArrayInputStream(MemoryEngine.message(i))));
                    }
                    seeding.engine.messages().appendAll(ACCOUNT, seeding.inbox, batch);
                }
                for (int uid = 1; uid <= RECENT_CHANGES; uid++) {
                    seeding.engine
                            .messages()
                            .updateFlags(
                                    ACCOUNT,
                                    seeding.inbox,
                                    UidSet.of(uid),
                                    FlagChange.add(Flags.of("$seen")),
                                    OptionalLong.empty());
                }
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            engine.close();
        }
    }

    /** Appending one 10 KB message through the engine (IMAP APPEND, LMTP delivery). */
    @Benchmark
    public long append(Empty state) {
        return state.engine.append(message10k(state.next++));
    }

    /** The UID list SELECT builds its sequence numbers from: the cost of opening the mailbox. */
    @Benchmark
    public long[] openMailboxUids(Full state) {
        return state.engine.engine.messages().uids(ACCOUNT, state.engine.inbox);
    }

    /** Flags of all 100,000 messages, as IMAP FETCH 1:* (FLAGS) reads them: the flag listing. */
    @Benchmark
    public FlagListing fetchAllFlags(Full state) {
        return state.engine.engine.messages().flags(ACCOUNT, state.engine.inbox, UidSet.all(), 0);
    }

    /** The metadata of all 100,000 messages (FETCH of INTERNALDATE, RFC822.SIZE, EMAILID and the like). */
    @Benchmark
    public List<MessageMeta> listAllMeta(Full state) {
        return state.engine.engine.messages().list(ACCOUNT, state.engine.inbox, UidSet.all());
    }

    /** The change log since a MODSEQ 100 operations back (CONDSTORE, QRESYNC, JMAP /changes). */
    @Benchmark
    public ChangeSet changesSinceLast100(Full state) {
        return state.engine.engine.changes().since(ACCOUNT, state.since, 10 * RECENT_CHANGES);
    }

    /** A message of about 10 KB (text and HTML alternatives), different for every {@code i}. */
    static byte[] message10k(long i) {
        String boundary = "b" + Long.toHexString(i * 31 + 7);
        String body = ("Line " + i + " of a message body with some words to index. ").repeat(100);
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

    /** An engine on a SQL store, blobs in memory; closed with everything it made. */
    static final class Engine implements AutoCloseable {
        private final SqlMetadataStore metadata;
        private final MemoryBlobStore blobs = new MemoryBlobStore();
        private final InJvmEventBus events = new InJvmEventBus();
        final MailEngine engine;
        final MailboxId inbox;

        Engine(SqlMetadataStore metadata) {
            this.metadata = metadata;
            engine = MailEngine.builder()
                    .metadataStore(metadata)
                    .blobStore(blobs)
                    .eventBus(events)
                    .build();
            inbox = engine.mailboxes().byPath(ACCOUNT, "INBOX").orElseThrow().id();
        }

        long append(byte[] message) {
            return engine.messages()
                    .append(ACCOUNT, inbox, AppendRequest.of(new ByteArrayInputStream(message)))
                    .uid();
        }

        @Override
        public void close() {
            engine.close();
            events.close();
            blobs.close();
            metadata.close();
        }
    }
}
