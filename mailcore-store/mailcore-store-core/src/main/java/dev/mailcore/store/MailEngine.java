/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store;

import dev.mailcore.api.AccountChanged;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.Change;
import dev.mailcore.api.Changes;
import dev.mailcore.api.Contents;
import dev.mailcore.api.Deliveries;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailStore;
import dev.mailcore.api.MailboxRole;
import dev.mailcore.api.Mailboxes;
import dev.mailcore.api.MessageSearch;
import dev.mailcore.api.Messages;
import dev.mailcore.api.Quotas;
import dev.mailcore.api.Subscription;
import dev.mailcore.api.spi.AccountObjectStore;
import dev.mailcore.api.spi.BlobStore;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.api.spi.EmailRecord;
import dev.mailcore.api.spi.EventBus;
import dev.mailcore.api.spi.MetadataStore;
import dev.mailcore.api.spi.OutboundQueue;
import dev.mailcore.api.spi.SearchIndex;
import dev.mailcore.store.internal.AccountSetup;
import dev.mailcore.store.internal.AppendService;
import dev.mailcore.store.internal.ChangeService;
import dev.mailcore.store.internal.ContentService;
import dev.mailcore.store.internal.DeliveryService;
import dev.mailcore.store.internal.EngineContext;
import dev.mailcore.store.internal.FlagUpdater;
import dev.mailcore.store.internal.IdFactory;
import dev.mailcore.store.internal.Indexer;
import dev.mailcore.store.internal.MailboxService;
import dev.mailcore.store.internal.MessageMover;
import dev.mailcore.store.internal.MessageRemover;
import dev.mailcore.store.internal.MessageService;
import dev.mailcore.store.internal.QuotaGuard;
import dev.mailcore.store.internal.QuotaService;
import dev.mailcore.store.internal.SearchService;
import dev.mailcore.store.internal.Threader;
import dev.mailcore.store.internal.Transactions;
import dev.mailcore.store.internal.VacationResponder;
import dev.mailcore.store.internal.mime.MimeExtractor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The mailbox engine: the {@link MailStore} that protocol engines call, implemented over the storage SPIs. It
 * allocates UIDs and MODSEQs, keeps the change log, threads emails, extracts MIME structure once at ingest, checks
 * quotas, feeds the search index and publishes change events.
 *
 * <pre>{@code
 * MailEngine engine = MailEngine.builder()
 *         .metadataStore(new MemoryMetadataStore())
 *         .blobStore(new MemoryBlobStore())
 *         .searchIndex(new ScanSearchIndex())
 *         .eventBus(new InJvmEventBus())
 *         .build();
 * AccountId alice = AccountId.of("alice");
 * Mailbox inbox = engine.mailboxes().byPath(alice, "INBOX").orElseThrow();
 * engine.messages().append(alice, inbox.id(), AppendRequest.of(rawMessageStream));
 * }</pre>
 *
 * <p>The engine owns no storage: closing it runs the search index updates still queued and stops the indexing
 * thread; the SPIs are closed by whoever made them, after the engine.
 */
public final class MailEngine implements MailStore {
    private final EngineContext context;
    private final MailboxService mailboxes;
    private final MessageService messages;
    private final ContentService contents;
    private final ChangeService changes;
    private final QuotaService quotas;
    private final SearchService search;
    private final Transactions transactions;
    private final Indexer indexer;
    private final DeliveryService deliveries;

    private MailEngine(Builder b) {
        this.context = new EngineContext(
                b.metadata,
                b.blobs,
                b.index,
                b.directory,
                b.events,
                b.clock,
                b.zone,
                new IdFactory(b.random),
                b.maxMessageSize,
                b.spoolThreshold,
                b.spoolDirectory);
        MimeExtractor extractor = new MimeExtractor();
        this.indexer = new Indexer(context, extractor, b.indexQueueCapacity);
        this.transactions = new Transactions(context, indexer);
        AccountSetup setup = new AccountSetup(context, transactions, b.defaultMailboxes);
        QuotaGuard quotaGuard = new QuotaGuard(context);
        MessageRemover remover = new MessageRemover(indexer);
        MessageMover mover = new MessageMover(context, remover, indexer, quotaGuard);
        AppendService appends =
                new AppendService(context, transactions, extractor, new Threader(context.ids()), quotaGuard);
        this.mailboxes = new MailboxService(context, transactions, setup, remover, mover);
        this.messages = new MessageService(
                context, transactions, setup, appends, mover, remover, new FlagUpdater(), b.summaryCacheSize);
        this.contents = new ContentService(context, transactions);
        this.changes = new ChangeService(transactions);
        this.quotas = new QuotaService(transactions, quotaGuard);
        this.search = new SearchService(context, transactions, setup, indexer);
        this.deliveries = new DeliveryService(
                this,
                b.objects == null || b.directory == null
                        ? Optional.empty()
                        : Optional.of(new VacationResponder(
                                this, b.directory, b.objects, Optional.ofNullable(b.outbound), b.clock)));
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Mailboxes mailboxes() {
        return mailboxes;
    }

    @Override
    public Messages messages() {
        return messages;
    }

    @Override
    public Contents contents() {
        return contents;
    }

    @Override
    public Changes changes() {
        return changes;
    }

    @Override
    public Quotas quotas() {
        return quotas;
    }

    /** Delivery to the INBOX, with the vacation auto-reply when the engine has an {@code accountObjects} store. */
    @Override
    public Deliveries deliveries() {
        return deliveries;
    }

    @Override
    public MessageSearch search() {
        return search;
    }

    /**
     * Feeds every email of an account to the search index again, from the stored content: for an index that was
     * lost, rebuilt or replaced. Searches keep working meanwhile and see each email as soon as it is fed again.
     *
     * @return how many emails were indexed
     * @throws IllegalStateException when the engine has no search index
     */
    public int reindex(AccountId account) {
        requireIndex();
        var snapshot = transactions.read(
                account,
                r -> Map.entry(
                        r.highestModSeq(), List.copyOf(r.emails(r.emailIds()).values())));
        var emails = snapshot.getValue();
        indexer.reindex(account, emails);
        indexer.appliedUpTo(account, snapshot.getKey());
        indexer.awaitIndexed();
        return emails.size();
    }

    /**
     * Brings the search index up to date with an account after a restart: replays the change log after the MODSEQ the
     * index holds durably ({@link SearchIndex#durableModSeq}), indexing again each email changed since and removing
     * each one destroyed since. When the index knows no such MODSEQ (new, rebuilt, or an index that does not track
     * it), or the change log no longer reaches back to it, the whole account is {@link #reindex reindexed}. After a
     * clean shutdown nothing is replayed. Run it before the account is served; searches work meanwhile.
     *
     * @return how many emails were indexed again or removed
     * @throws IllegalStateException when the engine has no search index
     */
    public int catchUpIndex(AccountId account) {
        requireIndex();
        OptionalLong from = context.index().durableModSeq(account);
        if (from.isEmpty()) {
            return reindex(account);
        }
        long since = from.getAsLong();
        record Replay(boolean complete, long highest, Set<EmailId> touched, Map<EmailId, EmailRecord> alive) {}
        Replay replay = transactions.read(account, r -> {
            if (since < r.changeLogFloor()) {
                return new Replay(false, 0, Set.of(), Map.of());
            }
            Set<EmailId> touched = new LinkedHashSet<>();
            for (Change change : r.changesSince(since, Integer.MAX_VALUE)) {
                if (change instanceof Change.EmailChanged email) {
                    touched.add(email.emailId());
                }
            }
            return new Replay(true, r.highestModSeq(), touched, r.emails(touched));
        });
        if (!replay.complete()) {
            return reindex(account);
        }
        for (EmailId id : replay.touched()) {
            if (!replay.alive().containsKey(id)) {
                indexer.remove(account, id);
            }
        }
        // Content again, not only metadata: a log entry may stand for the creation and later updates alike.
        indexer.reindex(account, List.copyOf(replay.alive().values()));
        indexer.appliedUpTo(account, Math.max(since, replay.highest()));
        indexer.awaitIndexed();
        return replay.touched().size();
    }

    private void requireIndex() {
        if (context.index() == null) {
            throw new IllegalStateException("the engine was built without a search index");
        }
    }

    @Override
    public Subscription subscribe(AccountId account, Consumer<AccountChanged> listener) {
        if (context.events() == null) {
            throw new IllegalStateException("the engine was built without an event bus");
        }
        return context.events().subscribe(account, listener);
    }

    @Override
    public void close() {
        // Index updates still queued are run first, so the search index is complete when its owner closes it.
        indexer.close();
    }

    /**
     * Settings of a {@link MailEngine}. The metadata store and blob store are required; each setting may be given
     * once.
     */
    public static final class Builder {
        private MetadataStore metadata;
        private BlobStore blobs;
        private SearchIndex index;
        private Directory directory;
        private EventBus events;
        private Clock clock;
        private ZoneId zone;
        private RandomGenerator random;
        private long maxMessageSize = -1;
        private int spoolThreshold = -1;
        private Path spoolDirectory;
        private long summaryCacheSize = -1;
        private int indexQueueCapacity = -1;
        private List<AccountSetup.DefaultMailbox> defaultMailboxes;
        private AccountObjectStore objects;
        private OutboundQueue outbound;

        private Builder() {}

        /** Where mailboxes, emails and the change log live. Required. */
        public Builder metadataStore(MetadataStore store) {
            this.metadata = once(this.metadata, store, "metadataStore");
            return this;
        }

        /** Where message content lives. Required. */
        public Builder blobStore(BlobStore store) {
            this.blobs = once(this.blobs, store, "blobStore");
            return this;
        }

        /** The index for content criteria; without one, content criteria match nothing. */
        public Builder searchIndex(SearchIndex index) {
            this.index = once(this.index, index, "searchIndex");
            return this;
        }

        /** The directory quotas are read from; without one, every account is unlimited. */
        public Builder directory(Directory directory) {
            this.directory = once(this.directory, directory, "directory");
            return this;
        }

        /**
         * Where vacation responses (and the senders already answered) are kept. With it and a directory,
         * {@link MailEngine#deliveries()} answers mail to an account on vacation; without it, delivery is a plain
         * append.
         */
        public Builder accountObjects(AccountObjectStore objects) {
            this.objects = once(this.objects, objects, "accountObjects");
            return this;
        }

        /** Where vacation responses to senders in other domains go; without it, only local senders are answered. */
        public Builder outboundQueue(OutboundQueue queue) {
            this.outbound = once(this.outbound, queue, "outboundQueue");
            return this;
        }

        /** Where change events go; without one, {@link MailEngine#subscribe} is unavailable. */
        public Builder eventBus(EventBus events) {
            this.events = once(this.events, events, "eventBus");
            return this;
        }

        /** The clock for received and saved dates. Default: the system clock in UTC. */
        public Builder clock(Clock clock) {
            this.clock = once(this.clock, clock, "clock");
            return this;
        }

        /** The zone calendar-day search criteria (IMAP BEFORE/ON/SINCE) are evaluated in. Default: UTC. */
        public Builder searchZone(ZoneId zone) {
            this.zone = once(this.zone, zone, "searchZone");
            return this;
        }

        /** The random source of new ids. Default: a fresh {@code SplittableRandom}-quality generator. */
        public Builder idRandom(RandomGenerator random) {
            this.random = once(this.random, random, "idRandom");
            return this;
        }

        /** The largest message accepted, in octets. Default: 64 MiB. */
        public Builder maxMessageSize(long bytes) {
            if (maxMessageSize >= 0) {
                throw new IllegalStateException("maxMessageSize was already set");
            }
            if (bytes < 1) {
                throw new IllegalArgumentException("maxMessageSize must be positive");
            }
            this.maxMessageSize = bytes;
            return this;
        }

        /** Messages up to this size are spooled in memory during ingest, larger ones to disk. Default: 256 KiB. */
        public Builder spoolThreshold(int bytes) {
            if (spoolThreshold >= 0) {
                throw new IllegalStateException("spoolThreshold was already set");
            }
            if (bytes < 0) {
                throw new IllegalArgumentException("spoolThreshold must not be negative");
            }
            this.spoolThreshold = bytes;
            return this;
        }

        /** Where large messages are spooled during ingest. Default: the JVM's temporary directory. */
        public Builder spoolDirectory(Path directory) {
            this.spoolDirectory = once(this.spoolDirectory, directory, "spoolDirectory");
            return this;
        }

        /** How many message summaries to keep in memory. Default: 100,000. */
        public Builder summaryCacheSize(long entries) {
            if (summaryCacheSize >= 0) {
                throw new IllegalStateException("summaryCacheSize was already set");
            }
            if (entries < 0) {
                throw new IllegalArgumentException("summaryCacheSize must not be negative");
            }
            this.summaryCacheSize = entries;
            return this;
        }

        /**
         * How many search index updates may wait for the engine's indexing thread. Appends, copies and expunges queue
         * their index updates there and return without waiting for tokenizing; a search first waits for the updates
         * queued before it, so it never misses an acknowledged message. When the queue is full, the writer waits for
         * a free slot. 0 runs every update on the writer's thread instead, with no indexing thread. Default: 1,000.
         */
        public Builder indexQueueCapacity(int updates) {
            if (indexQueueCapacity >= 0) {
                throw new IllegalStateException("indexQueueCapacity was already set");
            }
            if (updates < 0) {
                throw new IllegalArgumentException("indexQueueCapacity must not be negative");
            }
            this.indexQueueCapacity = updates;
            return this;
        }

        /**
         * Mailboxes every account gets, besides INBOX, on first use, as name and role pairs (role may be null).
         * Default: Drafts, Sent, Trash, Junk and Archive with their roles. Call with no arguments for INBOX alone.
         */
        public Builder defaultMailboxes(Object... nameRolePairs) {
            if (defaultMailboxes != null) {
                throw new IllegalStateException("defaultMailboxes was already set");
            }
            if (nameRolePairs.length % 2 != 0) {
                throw new IllegalArgumentException("give name and role pairs");
            }
            List<AccountSetup.DefaultMailbox> list = new ArrayList<>();
            for (int i = 0; i < nameRolePairs.length; i += 2) {
                list.add(
                        new AccountSetup.DefaultMailbox((String) nameRolePairs[i], (MailboxRole) nameRolePairs[i + 1]));
            }
            this.defaultMailboxes = list;
            return this;
        }

        public MailEngine build() {
            if (metadata == null) {
                throw new IllegalStateException("set metadataStore(...): the engine needs a metadata store");
            }
            if (blobs == null) {
                throw new IllegalStateException("set blobStore(...): the engine needs a blob store");
            }
            if (clock == null) {
                clock = Clock.systemUTC();
            }
            if (zone == null) {
                zone = java.time.ZoneOffset.UTC;
            }
            if (random == null) {
                random = new java.security.SecureRandom();
            }
            if (maxMessageSize < 0) {
                maxMessageSize = 64L << 20;
            }
            if (spoolThreshold < 0) {
                spoolThreshold = 256 << 10;
            }
            if (spoolDirectory == null) {
                spoolDirectory = Path.of(System.getProperty("java.io.tmpdir"));
            }
            if (summaryCacheSize < 0) {
                summaryCacheSize = 100_000;
            }
            if (indexQueueCapacity < 0) {
                indexQueueCapacity = 1_000;
            }
            if (defaultMailboxes == null) {
                defaultMailboxes = List.of(
                        new AccountSetup.DefaultMailbox("Drafts", MailboxRole.DRAFTS),
                        new AccountSetup.DefaultMailbox("Sent", MailboxRole.SENT),
                        new AccountSetup.DefaultMailbox("Trash", MailboxRole.TRASH),
                        new AccountSetup.DefaultMailbox("Junk", MailboxRole.JUNK),
                        new AccountSetup.DefaultMailbox("Archive", MailboxRole.ARCHIVE));
            }
            return new MailEngine(this);
        }

        private static <T> T once(T current, T value, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " was already set");
            }
            if (value == null) {
                throw new NullPointerException(name);
            }
            return value;
        }
    }
}
