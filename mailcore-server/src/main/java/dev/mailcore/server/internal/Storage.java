/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server.internal;

import dev.mailcore.api.Account;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.spi.BlobStore;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.api.spi.MetadataStore;
import dev.mailcore.api.spi.SearchIndex;
import dev.mailcore.search.lucene.LuceneSearchIndex;
import dev.mailcore.server.StoreKind;
import dev.mailcore.store.CachingDirectory;
import dev.mailcore.store.FileBlobStore;
import dev.mailcore.store.MailEngine;
import dev.mailcore.store.memory.InJvmEventBus;
import dev.mailcore.store.memory.MemoryBlobStore;
import dev.mailcore.store.memory.MemoryDirectory;
import dev.mailcore.store.memory.MemoryMetadataStore;
import dev.mailcore.store.memory.ScanSearchIndex;
import dev.mailcore.store.sql.SqlDirectory;
import dev.mailcore.store.sql.SqlMetadataStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The engine over its metadata store, blob store, index, event bus and directory, opened and closed as one. */
public final class Storage implements AutoCloseable {
    private final Closer closer;
    private final Directory directory;
    private final boolean ownDirectory;
    private final MailEngine engine;

    private Storage(StorageSettings s, Closer closer) {
        this.closer = closer;
        MetadataStore metadata = closer.register(metadata(s));
        BlobStore blobs = closer.register(
                s.store() == StoreKind.MEMORY
                        ? new MemoryBlobStore()
                        : FileBlobStore.open(s.dataDirectory().resolve("blobs")));
        SearchIndex index = closer.register(
                switch (s.search()) {
                    case LUCENE -> LuceneSearchIndex.open(s.dataDirectory().resolve("index"));
                    case LUCENE_IN_MEMORY -> LuceneSearchIndex.inMemory();
                    case SCAN -> new ScanSearchIndex();
                });
        InJvmEventBus events = closer.register(new InJvmEventBus());
        ownDirectory = s.hostDirectory() == null;
        Directory checked = ownDirectory ? directory(s, metadata) : s.hostDirectory();
        directory = s.authCacheTtl().isZero() ? checked : new CachingDirectory(checked, s.authCacheTtl());
        MailEngine.Builder builder = MailEngine.builder()
                .metadataStore(metadata)
                .blobStore(blobs)
                .searchIndex(index)
                .directory(directory)
                .eventBus(events);
        if (s.maxMessageSize() != null) {
            builder.maxMessageSize(s.maxMessageSize());
        }
        engine = closer.register(builder.build());
        if (index instanceof LuceneSearchIndex) {
            // The directory cannot list its accounts; the ones this server provisions are the ones it knows. Each
            // replays only the changes the index does not hold durably: none after a clean shutdown.
            for (AccountId account : accounts(s.users())) {
                engine.catchUpIndex(account);
            }
        }
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

    public Directory directory() {
        return directory;
    }

    public MailEngine engine() {
        return engine;
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

    private static MetadataStore metadata(StorageSettings s) {
        return switch (s.store()) {
            case MEMORY -> new MemoryMetadataStore();
            case H2 -> SqlMetadataStore.h2(s.dataDirectory());
            case POSTGRES -> SqlMetadataStore.connect(s.jdbcUrl(), s.jdbcUser(), s.jdbcPassword());
        };
    }

    private static Directory directory(StorageSettings s, MetadataStore metadata) {
        if (metadata instanceof SqlMetadataStore sql) {
            SqlDirectory directory = SqlDirectory.builder(sql).build();
            if (!directory.isLocalDomain(s.defaultDomain())) {
                directory.addDomain(s.defaultDomain());
            }
            s.users().forEach((address, password) -> provision(directory, address, password));
            return directory;
        }
        MemoryDirectory.Builder directory = MemoryDirectory.builder().domain(s.defaultDomain());
        s.users().forEach(directory::user);
        return directory.build();
    }

    /** Closes the engine, event bus, index, blob store and metadata store, in that order. */
    @Override
    public void close() {
        closer.close();
    }
}
