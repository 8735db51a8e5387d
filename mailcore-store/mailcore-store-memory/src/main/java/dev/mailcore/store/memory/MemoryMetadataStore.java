/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.BlobId;
import dev.mailcore.api.spi.EmailRecord;
import dev.mailcore.api.spi.MetadataReader;
import dev.mailcore.api.spi.MetadataStore;
import dev.mailcore.api.spi.MetadataTransaction;
import dev.mailcore.store.memory.internal.AccountReader;
import dev.mailcore.store.memory.internal.AccountState;
import dev.mailcore.store.memory.internal.AccountWriter;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;

/**
 * A {@link MetadataStore} that keeps everything on the heap, for tests, demos and embedded use where mail may be
 * lost on exit.
 *
 * <pre>{@code
 * MetadataStore store = new MemoryMetadataStore();
 * long modSeq = store.write(account, tx -> tx.nextModSeq());
 * }</pre>
 *
 * <p><b>Not durable:</b> everything is gone when the process ends or {@link #close()} is called; this is the
 * exemption the {@link MetadataStore} contract allows an in-memory adapter. Everything else of the contract holds.
 * Each account has its own read-write lock: write transactions of one account run one at a time, reads run
 * together and see a committed state, and accounts never wait for each other. A transaction that throws is undone
 * change by change before the exception propagates, unchanged; UIDs and UIDVALIDITY values it allocated stay used.
 * Opening a transaction inside another on the same thread, or using a transaction object after its call returned,
 * throws {@link IllegalStateException}.
 */
public final class MemoryMetadataStore implements MetadataStore {
    private final ConcurrentHashMap<AccountId, AccountState> accounts = new ConcurrentHashMap<>();
    // Per store, not static: two stores in one JVM do not see each other's transactions.
    private final ThreadLocal<Boolean> inTransaction = new ThreadLocal<>();
    private volatile boolean closed;

    /** Creates an empty store. */
    public MemoryMetadataStore() {}

    @Override
    public <T> T read(AccountId account, Function<MetadataReader, T> work) {
        Objects.requireNonNull(work, "work");
        AccountState state = enter(account);
        Lock lock = state.lock().readLock();
        lock.lock();
        AccountReader reader = new AccountReader(state);
        try {
            return work.apply(reader);
        } finally {
            reader.close();
            lock.unlock();
            inTransaction.remove();
        }
    }

    @Override
    public <T> T write(AccountId account, Function<MetadataTransaction, T> work) {
        Objects.requireNonNull(work, "work");
        AccountState state = enter(account);
        Lock lock = state.lock().writeLock();
        lock.lock();
        AccountWriter writer = new AccountWriter(state);
        try {
            return work.apply(writer);
        } catch (Throwable failure) {
            try {
                writer.rollback();
            } catch (RuntimeException | Error undoFailure) {
                failure.addSuppressed(undoFailure);
            }
            throw failure;
        } finally {
            writer.close();
            lock.unlock();
            inTransaction.remove();
        }
    }

    @Override
    public Set<BlobId> referencedBlobs(Collection<BlobId> candidates) {
        Set<BlobId> wanted = Set.copyOf(candidates);
        Set<BlobId> found = new HashSet<>();
        for (AccountId account : List.copyOf(accounts.keySet())) {
            read(account, reader -> {
                for (EmailRecord email : reader.emails(reader.emailIds()).values()) {
                    if (wanted.contains(email.blobId())) {
                        found.add(email.blobId());
                    }
                }
                return null;
            });
        }
        return found;
    }

    /** Drops all data; later calls throw {@link IllegalStateException}. */
    @Override
    public void close() {
        closed = true;
        accounts.clear();
    }

    private AccountState enter(AccountId account) {
        Objects.requireNonNull(account, "account");
        if (closed) {
            throw new IllegalStateException("the metadata store is closed");
        }
        if (inTransaction.get() != null) {
            throw new IllegalStateException("a transaction must not open another transaction");
        }
        inTransaction.set(Boolean.TRUE);
        return accounts.computeIfAbsent(account, a -> new AccountState());
    }
}
