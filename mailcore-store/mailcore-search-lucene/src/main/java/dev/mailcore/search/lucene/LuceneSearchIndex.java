/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.search.lucene;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.api.spi.SearchDocument;
import dev.mailcore.api.spi.SearchIndex;
import dev.mailcore.api.spi.SearchMetadata;
import dev.mailcore.search.lucene.internal.BodyAnalyzer;
import dev.mailcore.search.lucene.internal.DocumentMapper;
import dev.mailcore.search.lucene.internal.Fields;
import dev.mailcore.search.lucene.internal.IndexOpener;
import dev.mailcore.search.lucene.internal.LeafQueries;
import dev.mailcore.search.lucene.internal.MetadataFields;
import dev.mailcore.search.lucene.internal.OpenedIndex;
import dev.mailcore.search.lucene.internal.QueryEvaluator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SearchIndex} on Apache Lucene, on disk under the data directory or in memory.
 *
 * <pre>{@code
 * try (LuceneSearchIndex index = LuceneSearchIndex.open(dataDirectory.resolve("search"))) {
 *     if (index.needsReindex()) {
 *         // feed every email of every account to index.index(...)
 *     }
 *     Set<EmailId> hits = index.search(account, new SearchQuery.SubjectContains("report"));
 * }
 * }</pre>
 *
 * <h2>Matching</h2>
 *
 * Headers, addresses, the subject and attachment names match exactly as the reference scan index does: a
 * case-insensitive substring of the folded field (full case folding, NFC, whitespace runs as one space, accents
 * significant), found through 3-gram phrase queries, which are exact and need no second check. The body matches the
 * same way when built with {@link Builder#exactBodySubstrings(boolean) exactBodySubstrings(true)}. By default it
 * matches words instead: the folded body and the folded search text are split into words at Unicode word boundaries
 * (UAX #29); a search text of one word finds the bodies with a word that starts with it, a text of several words finds
 * them as a phrase, and a text without any letter or digit finds no body. {@link SearchQuery.TextContains} combines
 * the exact header, subject and address match with that body match. Search text is never parsed: {@code * " : \ (}
 * are plain characters. Boolean nodes are evaluated by this class, so thousands of OR terms are fine. Text is
 * compared by code points, so a search text holding half of a surrogate pair (malformed UTF-16) does not find the
 * whole character, where the reference, comparing UTF-16 units, would.
 *
 * <h2>Consistency, durability, concurrency</h2>
 *
 * All methods are safe from any number of threads; Lucene merges segments on background threads of its own, which
 * {@link #close()} ends. A search that starts after {@link #index} or {@link #remove}
 * returned sees its effect (the searcher is refreshed first when anything was written). Changes are durable after
 * {@link #commit()} or {@link #close()}; an index on disk also commits by itself, on a background thread, at most
 * {@link Builder#commitInterval(Duration) commitInterval} after a change and after every
 * {@link Builder#commitAfterUpdates(int) commitAfterUpdates} changes. After a crash the index holds what was last
 * committed, with the MODSEQ per account up to which that commit holds the account's changes
 * ({@link #durableModSeq}); the owner replays the changes after it ({@code MailEngine.catchUpIndex}). On open, an index that cannot be used (corrupt, unreadable, missing files, another layout) is moved
 * aside and replaced by an empty one; {@link #wasRebuilt()} and {@link #needsReindex()} tell the owner.
 */
public final class LuceneSearchIndex implements SearchIndex {
    private static final Logger LOG = LoggerFactory.getLogger(LuceneSearchIndex.class);
    private static final String LAYOUT_VERSION = "2";

    private final Directory directory;
    private final BodyAnalyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final DocumentMapper mapper;
    private final LeafQueries leafQueries;
    private final boolean exactBody;
    private final OpenedIndex.Outcome outcome;
    private final IndexOpener opener;
    private final ScheduledExecutorService committer;
    private final long commitAfterUpdates;
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong committedUpTo = new AtomicLong();
    private final AtomicBoolean commitQueued = new AtomicBoolean();
    private final AtomicLong refreshedUpTo = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Per account id, the MODSEQ up to which its changes were handed to this index. */
    private final Map<String, Long> applied = new ConcurrentHashMap<>();
    /** Per account id, the MODSEQ of {@link #applied} as of the last commit. */
    private final Map<String, Long> durable = new ConcurrentHashMap<>();

    private final AtomicLong marks = new AtomicLong();
    private volatile long committedMarks;

    private LuceneSearchIndex(Builder builder) {
        this.exactBody = builder.exactBody;
        this.analyzer = new BodyAnalyzer();
        Map<String, String> layout =
                Map.of("mailcore.layout", LAYOUT_VERSION, "mailcore.body", exactBody ? "substrings" : "words");
        this.opener = new IndexOpener(layout, analyzer, builder.verifyChecksums);
        OpenedIndex opened;
        try {
            opened = builder.inMemory ? opener.inMemory() : opener.onDisk(builder.path);
        } catch (LockObtainFailedException e) {
            throw new IllegalStateException("search index " + builder.path + " is open in another writer", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open search index " + builder.path, e);
        }
        this.directory = opened.directory();
        this.writer = opened.writer();
        this.outcome = opened.outcome();
        if (outcome == OpenedIndex.Outcome.OPENED || outcome == OpenedIndex.Outcome.UNCLEAN) {
            durable.putAll(IndexOpener.appliedModSeqs(writer));
            applied.putAll(durable);
        }
        this.mapper = new DocumentMapper(exactBody);
        this.leafQueries = new LeafQueries(exactBody, analyzer);
        try {
            this.searchers = new SearcherManager(writer, new UncachedSearchers());
        } catch (IOException e) {
            closeQuietly();
            throw new UncheckedIOException("cannot open search index " + builder.path, e);
        }
        this.commitAfterUpdates = builder.commitAfterUpdates;
        if (builder.inMemory) {
            this.committer = null;
        } else {
            this.committer = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("mailcore-search-commit").daemon().factory());
            long interval = builder.commitInterval.toMillis();
            committer.scheduleWithFixedDelay(this::commitIfChanged, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    /** An index on disk in {@code directory} (created if needed), with default settings. */
    public static LuceneSearchIndex open(Path directory) {
        return builder().directory(directory).build();
    }

    /** An index in memory, with default settings; it is gone when closed. */
    public static LuceneSearchIndex inMemory() {
        return builder().inMemory().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether an unusable index was found on open and replaced by an empty one (it was moved aside). */
    public boolean wasRebuilt() {
        return outcome == OpenedIndex.Outcome.REBUILT;
    }

    /**
     * Whether this index may be incomplete — it started empty (new, in memory, or rebuilt), or it was not closed
     * last time (a crash), so changes after its last commit may be missing. An owner that tells the index how far it
     * got ({@link #appliedUpTo}, as the engine does) replays only what is missing, per account, from
     * {@link #durableModSeq}; another owner indexes every email again. Indexing an email again replaces its document.
     */
    public boolean needsReindex() {
        return outcome != OpenedIndex.Outcome.OPENED;
    }

    /** Whether the index on disk was not closed last time, so changes after its last commit may be missing. */
    public boolean wasUncleanlyClosed() {
        return outcome == OpenedIndex.Outcome.UNCLEAN;
    }

    /** Whether the body matches exact substrings rather than words. */
    public boolean exactBodySubstrings() {
        return exactBody;
    }

    /**
     * Indexes the document, replacing any earlier one of that email.
     *
     * @throws IllegalStateException if the index is closed
     * @throws MailException {@link ErrorReason#UNAVAILABLE} if the index cannot be written
     */
    @Override
    public void index(AccountId account, EmailId email, SearchDocument document) {
        write(account, email, document, null);
    }

    /**
     * Indexes the document with the email's metadata in one write, replacing any earlier document of that email: a
     * new email costs one document and no doc-values update.
     *
     * @throws IllegalStateException if the index is closed
     * @throws MailException {@link ErrorReason#UNAVAILABLE} if the index cannot be written
     */
    @Override
    public void index(AccountId account, EmailId email, SearchDocument document, SearchMetadata metadata) {
        write(account, email, document, Objects.requireNonNull(metadata, "metadata"));
    }

    private void write(AccountId account, EmailId email, SearchDocument document, SearchMetadata metadata) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(email, "email");
        Document lucene = mapper.toDocument(account, email, Objects.requireNonNull(document, "document"), metadata);
        ensureOpen();
        try {
            writer.updateDocument(new Term(Fields.KEY, Fields.key(account, email)), lucene);
        } catch (IOException e) {
            throw unavailable(e);
        }
        written();
    }

    /**
     * Removes the email's document; does nothing if there is none.
     *
     * @throws IllegalStateException if the index is closed
     * @throws MailException {@link ErrorReason#UNAVAILABLE} if the index cannot be written
     */
    @Override
    public void remove(AccountId account, EmailId email) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(email, "email");
        ensureOpen();
        try {
            writer.deleteDocuments(new Term(Fields.KEY, Fields.key(account, email)));
        } catch (IOException e) {
            throw unavailable(e);
        }
        written();
    }

    /** True: keywords, mailboxes, times, sizes, email and thread ids are kept as doc values, see {@link #updateMetadata}. */
    @Override
    public boolean indexesMetadata() {
        return true;
    }

    /**
     * Replaces the email's metadata in place (Lucene doc-values updates): the text is not analyzed again, and an
     * email that is not indexed is left alone.
     *
     * @throws IllegalStateException if the index is closed
     * @throws MailException {@link ErrorReason#UNAVAILABLE} if the index cannot be written
     */
    @Override
    public void updateMetadata(AccountId account, EmailId email, SearchMetadata metadata) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(email, "email");
        Field[] fields = MetadataFields.fields(Objects.requireNonNull(metadata, "metadata"));
        ensureOpen();
        try {
            writer.updateDocValues(new Term(Fields.KEY, Fields.key(account, email)), fields);
        } catch (IOException e) {
            throw unavailable(e);
        }
        written();
    }

    /**
     * The account's emails that match, as an unmodifiable set.
     *
     * @throws IllegalArgumentException if a leaf of the query is neither a content criterion nor one that
     *     {@link SearchMetadata#answers} accepts
     * @throws IllegalStateException if the index is closed
     * @throws MailException {@link ErrorReason#UNAVAILABLE} if the index cannot be read
     */
    @Override
    public Set<EmailId> search(AccountId account, SearchQuery contentQuery) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(contentQuery, "query");
        if (!QueryEvaluator.accepts(contentQuery)) {
            throw new IllegalArgumentException("not a query the index answers, the engine does: " + contentQuery);
        }
        ensureOpen();
        try {
            refreshIfWritten();
            IndexSearcher searcher = searchers.acquire();
            try {
                return new QueryEvaluator(searcher, leafQueries, account).search(contentQuery);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    /**
     * Makes every change so far durable.
     *
     * @throws IllegalStateException if the index is closed
     * @throws MailException {@link ErrorReason#UNAVAILABLE} if the index cannot be written
     */
    public void commit() {
        ensureOpen();
        try {
            commitNow();
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    /**
     * Commits. Synchronized, because the MODSEQs recorded must be set and committed together: each was recorded after
     * the writes it stands for, so a snapshot taken before the commit only names writes the commit holds.
     */
    private synchronized void commitNow() throws IOException {
        long upTo = writes.get();
        long marksUpTo = marks.get();
        Map<String, Long> snapshot = Map.copyOf(applied);
        writer.setLiveCommitData(commitData(false, snapshot).entrySet());
        writer.commit();
        committedUpTo.accumulateAndGet(upTo, Math::max);
        committedMarks = Math.max(committedMarks, marksUpTo);
        durable.putAll(snapshot);
    }

    private Map<String, String> commitData(boolean closing, Map<String, Long> modSeqs) {
        Map<String, String> data = opener.commitData(closing);
        modSeqs.forEach((account, modSeq) -> data.put(IndexOpener.APPLIED_PREFIX + account, Long.toString(modSeq)));
        return data;
    }

    /**
     * Records that the account's changes up to {@code modSeq} were handed to this index; the next commit (at most
     * {@link Builder#commitInterval(Duration) commitInterval} later, or {@link #commit()}, or {@link #close()}) makes
     * it durable, with those changes.
     */
    @Override
    public void appliedUpTo(AccountId account, long modSeq) {
        Objects.requireNonNull(account, "account");
        ensureOpen();
        Long before = applied.get(account.value());
        if (before == null || before < modSeq) {
            applied.merge(account.value(), modSeq, Math::max);
            marks.incrementAndGet();
        }
    }

    /** The MODSEQ of the account as of the last commit, read back from the commit on open. */
    @Override
    public OptionalLong durableModSeq(AccountId account) {
        Long modSeq = durable.get(Objects.requireNonNull(account, "account").value());
        return modSeq == null ? OptionalLong.empty() : OptionalLong.of(modSeq);
    }

    /** Counts a change, and asks for a commit in the background after enough of them. */
    private void written() {
        long count = writes.incrementAndGet();
        if (committer != null
                && count - committedUpTo.get() >= commitAfterUpdates
                && commitQueued.compareAndSet(false, true)) {
            try {
                committer.execute(() -> {
                    commitQueued.set(false);
                    commitIfChanged();
                });
            } catch (RejectedExecutionException closing) {
                commitQueued.set(false);
            }
        }
    }

    private void commitIfChanged() {
        if (closed.get() || (committedUpTo.get() >= writes.get() && committedMarks >= marks.get())) {
            return;
        }
        try {
            commitNow();
        } catch (IOException | RuntimeException e) {
            // Closing at the same moment, or a failing disk: the next commit, or the one on close, tries again.
            LOG.warn("Periodic commit of the search index failed", e);
        }
    }

    /** Commits and releases the index; later calls other than {@code close} throw {@link IllegalStateException}. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (committer != null) {
            committer.shutdown();
            try {
                committer.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            searchers.close();
            // The commit made by close is the only one marked clean: see IndexOpener.
            synchronized (this) {
                writer.setLiveCommitData(commitData(true, Map.copyOf(applied)).entrySet());
                writer.close();
            }
            directory.close();
            analyzer.close();
        } catch (IOException e) {
            closeQuietly();
            throw unavailable(e);
        }
    }

    /**
     * Refreshes the searcher when something was written since the last refresh. The write count is read before the
     * refresh starts, so every write counted is in the refreshed reader; a search racing a refresh waits for it.
     */
    private void refreshIfWritten() throws IOException {
        long written = writes.get();
        if (refreshedUpTo.get() < written) {
            searchers.maybeRefreshBlocking();
            refreshedUpTo.accumulateAndGet(written, Math::max);
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("search index is closed");
        }
    }

    private void closeQuietly() {
        try {
            writer.rollback();
        } catch (IOException | RuntimeException suppressed) {
            // Already failing; the first error is the one to report.
        }
        try {
            directory.close();
        } catch (IOException | RuntimeException suppressed) {
            // As above.
        }
    }

    private static MailException unavailable(IOException e) {
        return new MailException(ErrorReason.UNAVAILABLE, "search index unavailable", e);
    }

    /** Searchers without Lucene's JVM-wide query cache, so two indexes in one JVM share nothing. */
    private static final class UncachedSearchers extends SearcherFactory {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setQueryCache(null);
            return searcher;
        }
    }

    /**
     * Settings of a {@link LuceneSearchIndex}; the location ({@link #directory} or {@link #inMemory}) is required,
     * each setting may be given once.
     */
    public static final class Builder {
        private Path path;
        private boolean inMemory;
        private Boolean exactBodySet;
        private boolean exactBody;
        private Boolean verifySet;
        private boolean verifyChecksums = true;
        private Duration commitInterval = Duration.ofSeconds(5);
        private boolean commitIntervalSet;
        private int commitAfterUpdates = 5_000;
        private boolean commitAfterUpdatesSet;

        private Builder() {}

        /**
         * How long a change to an index on disk may stay uncommitted (default 5 seconds): what a crash may lose, and
         * the next open then asks for a reindex anyway. Each commit writes and syncs files, so shorter costs more.
         */
        public Builder commitInterval(Duration interval) {
            if (commitIntervalSet) {
                throw new IllegalStateException("commitInterval was already set");
            }
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("commitInterval must be positive");
            }
            commitIntervalSet = true;
            this.commitInterval = interval;
            return this;
        }

        /**
         * After how many changes an index on disk commits without waiting for the interval (default 5,000), which
         * bounds the memory Lucene holds for uncommitted deletions during a reindex.
         */
        public Builder commitAfterUpdates(int updates) {
            if (commitAfterUpdatesSet) {
                throw new IllegalStateException("commitAfterUpdates was already set");
            }
            if (updates < 1) {
                throw new IllegalArgumentException("commitAfterUpdates must be positive");
            }
            commitAfterUpdatesSet = true;
            this.commitAfterUpdates = updates;
            return this;
        }

        /** Keep the index in this directory (created if needed); usually a folder of the data directory. */
        public Builder directory(Path directory) {
            requireNoLocation();
            this.path = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Keep the index in memory. */
        public Builder inMemory() {
            requireNoLocation();
            this.inMemory = true;
            return this;
        }

        /**
         * Whether the body matches exact substrings like every other field (default false: words). Substrings cost
         * a larger index and slower indexing; an index written with the other setting is rebuilt on open.
         */
        public Builder exactBodySubstrings(boolean exact) {
            if (exactBodySet != null) {
                throw new IllegalStateException("exactBodySubstrings was already set");
            }
            exactBodySet = exact;
            this.exactBody = exact;
            return this;
        }

        /**
         * Whether to verify the checksum of every index file when opening an existing index (default true), so that
         * a corrupt index is found and rebuilt at start rather than failing a search later. Costs one read of the
         * whole index at start.
         */
        public Builder verifyChecksumsOnOpen(boolean verify) {
            if (verifySet != null) {
                throw new IllegalStateException("verifyChecksumsOnOpen was already set");
            }
            verifySet = verify;
            this.verifyChecksums = verify;
            return this;
        }

        /**
         * Opens the index.
         *
         * @throws IllegalStateException if no location was set, or another writer holds the index directory
         * @throws UncheckedIOException if the file system fails
         */
        public LuceneSearchIndex build() {
            if (path == null && !inMemory) {
                throw new IllegalStateException("set a location: directory(path) or inMemory()");
            }
            return new LuceneSearchIndex(this);
        }

        private void requireNoLocation() {
            if (path != null || inMemory) {
                throw new IllegalStateException("the location was already set");
            }
        }
    }
}
