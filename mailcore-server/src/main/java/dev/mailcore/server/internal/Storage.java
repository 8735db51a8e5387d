/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server.internal;

import dev.mailcore.api.Account;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.spi.AccountObjectStore;
import dev.mailcore.api.spi.BlobStore;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.api.spi.MetadataStore;
import dev.mailcore.api.spi.OutboundQueue;
import dev.mailcore.api.spi.SearchIndex;
import dev.mailcore.search.lucene.LuceneSearchIndex;
import dev.mailcore.server.StoreKind;
import dev.mailcore.store.BlobSweeper;
import dev.mailcore.store.CachingDirectory;
import dev.mailcore.store.FileBlobStore;
import dev.mailcore.store.MailEngine;
import dev.mailcore.store.memory.InJvmEventBus;
import dev.mailcore.store.memory.MemoryAccountObjectStore;
import dev.mailcore.store.memory.MemoryBlobStore;
import dev.mailcore.store.memory.MemoryDirectory;
import dev.mailcore.store.memory.MemoryMetadataStore;
import dev.mailcore.store.memory.MemoryOutboundQueue;
import dev.mailcore.store.memory.ScanSearchIndex;
import dev.mailcore.store.sql.SqlAccountObjectStore;
import dev.mailcore.store.sql.SqlDirectory;
import dev.mailcore.store.sql.SqlMetadataStore;
import dev.mailcore.store.sql.SqlOutboundQueue;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/** The engine over its metadata store, blob store, index, event bus and directory, opened and closed as one. */
public final class Storage implements AutoCloseable {
    private final Closer closer;
    private final Directory directory;
    private final boolean ownDirectory;
    private final MailEngine engine;
    private final AccountObjectStore accountObjects;
    private final OutboundQueue outboundQueue;
    private final SearchIndex index;
    private final Map<String, String> users;
    /** Null when the directory is the host's. */
    private final Opening<AutoCloseable> provisioning;

    private Storage(StorageSettings s, Closer closer) {
        this.closer = closer;
        users = s.users();
        ownDirectory = s.hostDirectory() == null;
        // SLF4J binds its provider on first use; two threads using it first at once make it replay one's messages
        // with a warning on stderr.
        LoggerFactory.getILoggerFactory();
        // The index shares nothing with the metadata store and directory: it opens beside them, and the engine
        // gets it only once it is open, so no search runs on an index still opening.
        Opening<SearchIndex> indexOpening = Opening.start("mailcore-open-index", () -> index(s));
        MetadataStore metadata;
        BlobStore blobs;
        try {
            metadata = closer.register(metadata(s));
            blobs = closer.register(
                    s.store() == StoreKind.MEMORY
                            ? new MemoryBlobStore()
                            : FileBlobStore.open(s.dataDirectory().resolve("blobs")));
        } catch (RuntimeException | Error e) {
            indexOpening.closeQuietlyInto(e);
            throw e;
        }
        closer.register(indexOpening);
        // Mail for other domains waits here for a delivery agent: in the database beside the mail, so it survives a
        // restart, with its bytes in the same blob store.
        outboundQueue = metadata instanceof SqlMetadataStore sql
                ? new SqlOutboundQueue(sql, blobs, Clock.systemUTC())
                : new MemoryOutboundQueue(blobs, Clock.systemUTC());
        if (s.store() != StoreKind.MEMORY && !s.blobSweepInterval().isZero()) {
            // The closer runs last first: the sweep stops before the blob and metadata stores it reads close. The
            // queue holds blobs too: without it, a queued message's bytes would look like an orphan.
            closer.register(new BlobSweepSchedule(
                    new BlobSweeper(blobs, List.of(metadata, outboundQueue), Clock.systemUTC()),
                    s.blobSweepInterval()));
        }
        Directory checked = ownDirectory ? directory(s, metadata) : s.hostDirectory();
        // Provisioning hashes passwords, the slowest single step of a start: it runs while the engine and the
        // listeners are made, and awaitUsers() waits for it before a listener is bound. Closing waits for it too.
        provisioning = ownDirectory
                ? closer.register(Opening.<AutoCloseable>start("mailcore-provision-users", () -> {
                    provision(s, checked);
                    return () -> {};
                }))
                : null;
        index = indexOpening.join();
        InJvmEventBus events = closer.register(new InJvmEventBus());
        directory = s.authCacheTtl().isZero() ? checked : new CachingDirectory(checked, s.authCacheTtl());
        // JMAP identities, submissions and vacation responses live beside the mail, in the same database.
        accountObjects = metadata instanceof SqlMetadataStore sql
                ? new SqlAccountObjectStore(sql)
                : new MemoryAccountObjectStore();
        MailEngine.Builder builder = MailEngine.builder()
                .metadataStore(metadata)
                .blobStore(blobs)
                .searchIndex(index)
                .directory(directory)
                .eventBus(events)
                .accountObjects(accountObjects)
                .outboundQueue(outboundQueue);
        if (s.maxMessageSize() != null) {
            builder.maxMessageSize(s.maxMessageSize());
        }
        engine = closer.register(builder.build());
    }

    /** Opens everything {@code settings} names; on failure closes what was opened and rethrows. */
    public static Storage open(StorageSettings settings) {
        Closer closer = new Closer();
        try {
            return new Storage(settings, closer);
        } catch (RuntimeException e) {
            closer.closeQuietlyInto(e);
            throw e;
        }
    }

    /**
     * Waits until the users are provisioned, then brings the index up to date with their mail (a new index gets
     * every email, a kept one the changes it missed); a server binds its listeners only after this. Rethrows what
     * provisioning threw.
     */
    public void awaitUsers() {
        if (provisioning != null) {
            provisioning.join();
        }
        if (index instanceof LuceneSearchIndex) {
            // The directory cannot list its accounts; the ones this server provisions are the ones it knows. Each
            // replays only the changes the index does not hold durably: none after a clean shutdown.
            for (AccountId account : accounts(users)) {
                engine.catchUpIndex(account);
            }
        }
    }

    public Directory directory() {
        return directory;
    }

    public MailEngine engine() {
        return engine;
    }

    /** Where JMAP objects and vacation responses are kept: the metadata database, or the heap for a memory store. */
    public AccountObjectStore accountObjects() {
        return accountObjects;
    }

    /** Where mail for other domains is kept: the metadata database, or the heap for a memory store. */
    public OutboundQueue outboundQueue() {
        return outboundQueue;
    }

    /**
     * Adds a user to the store's own directory, or gives an existing one this password.
     *
     * @throws UnsupportedOperationException when the directory is the host's
     */
    public Account addUser(String address, String password) {
        if (!ownDirectory) {
            throw new UnsupportedOperationException("users come from the host's directory");
        }
        Directory own = directory instanceof CachingDirectory cache ? cache.delegate() : directory;
        Account account = own instanceof SqlDirectory sql
                ? provision(sql, address, password)
                : provision((MemoryDirectory) own, address, password);
        if (directory instanceof CachingDirectory cache) {
            // A changed password must not leave the old one remembered under any of the names it logs in with.
            cache.invalidateAll();
        }
        return account;
    }

    private static Account provision(MemoryDirectory directory, String address, String password) {
        if (directory.byLogin(address).isPresent()) {
            directory.setPassword(address, password);
            return directory.byLogin(address).orElseThrow();
        }
        return directory.addUser(address, password);
    }

    private static Account provision(SqlDirectory directory, String address, String password) {
        if (directory.byLogin(address).isPresent()) {
            directory.setPassword(address, password);
            return directory.byLogin(address).orElseThrow();
        }
        return directory.addUser(address, password);
    }

    private List<AccountId> accounts(Map<String, String> users) {
        List<AccountId> ids = new ArrayList<>();
        users.keySet().forEach(login -> directory.byLogin(login).ifPresent(a -> ids.add(a.id())));
        return ids;
    }

    private static SearchIndex index(StorageSettings s) {
        return switch (s.search()) {
            case LUCENE -> LuceneSearchIndex.open(s.dataDirectory().resolve("index"));
            case LUCENE_IN_MEMORY -> LuceneSearchIndex.inMemory();
            case SCAN -> new ScanSearchIndex();
        };
    }

    private static MetadataStore metadata(StorageSettings s) {
        return s.store() == StoreKind.MEMORY
                ? new MemoryMetadataStore()
                : sqlStore(
                        s.store(),
                        s.dataDirectory(),
                        s.jdbcUrl(),
                        s.jdbcUser(),
                        s.jdbcPassword(),
                        s.connectionTimeout());
    }

    /** The H2 database in {@code dataDirectory} or the PostgreSQL one at {@code jdbcUrl}, migrated. */
    static SqlMetadataStore sqlStore(
            StoreKind kind, Path dataDirectory, String jdbcUrl, String user, String password, Duration timeout) {
        if (kind == StoreKind.H2) {
            return SqlMetadataStore.h2(dataDirectory);
        }
        SqlMetadataStore.Builder builder =
                SqlMetadataStore.builder().jdbcUrl(jdbcUrl).credentials(user, password);
        if (timeout != null) {
            builder.connectionTimeout(timeout);
        }
        return builder.build();
    }

    /** The store's own directory, without users yet. */
    private static Directory directory(StorageSettings s, MetadataStore metadata) {
        return metadata instanceof SqlMetadataStore sql
                ? SqlDirectory.builder(sql).build()
                : MemoryDirectory.builder().domain(s.defaultDomain()).build();
    }

    /** Makes the default domain local and gives each configured user its password. */
    private static void provision(StorageSettings s, Directory own) {
        if (own instanceof SqlDirectory sql) {
            if (!sql.isLocalDomain(s.defaultDomain())) {
                sql.addDomain(s.defaultDomain());
            }
            s.users().forEach((address, password) -> provision(sql, address, password));
        } else {
            MemoryDirectory memory = (MemoryDirectory) own;
            s.users().forEach((address, password) -> provision(memory, address, password));
        }
    }

    /** Closes the engine, event bus, index, blob sweep, blob store and metadata store, in that order. */
    @Override
    public void close() {
        closer.close();
    }
}
