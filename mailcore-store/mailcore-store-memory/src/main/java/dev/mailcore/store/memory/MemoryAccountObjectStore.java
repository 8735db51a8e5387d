/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.spi.AccountObjectStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An {@link AccountObjectStore} in the heap, for tests and demos. Nothing survives the JVM, so it is exempt from the
 * durability rule. Destroyed objects leave a tombstone so {@link #changesSince} can report them.
 *
 * <pre>{@code
 * AccountObjectStore objects = new MemoryAccountObjectStore();
 * }</pre>
 */
public final class MemoryAccountObjectStore implements AccountObjectStore {
    private record Key(AccountId account, String type) {}

    private record Entry(String body, long createdState, long changedState, boolean destroyed) {}

    private static final class Book {
        long state;
        final Map<String, Entry> entries = new HashMap<>();
    }

    private final Map<Key, Book> books = new HashMap<>();

    private Book book(AccountId account, String type) {
        return books.computeIfAbsent(
                new Key(Objects.requireNonNull(account, "account"), Objects.requireNonNull(type, "type")),
                k -> new Book());
    }

    @Override
    public synchronized long state(AccountId account, String type) {
        return book(account, type).state;
    }

    @Override
    public synchronized List<StoredObject> list(AccountId account, String type) {
        List<StoredObject> live = new ArrayList<>();
        book(account, type).entries.forEach((id, e) -> {
            if (!e.destroyed()) {
                live.add(new StoredObject(id, e.body(), e.createdState(), e.changedState()));
            }
        });
        live.sort(Comparator.comparingLong(StoredObject::createdState));
        return live;
    }

    @Override
    public synchronized Optional<StoredObject> get(AccountId account, String type, String id) {
        Entry e = book(account, type).entries.get(Objects.requireNonNull(id, "id"));
        return e == null || e.destroyed()
                ? Optional.empty()
                : Optional.of(new StoredObject(id, e.body(), e.createdState(), e.changedState()));
    }

    @Override
    public synchronized long put(AccountId account, String type, String id, String body) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
        Book book = book(account, type);
        long state = ++book.state;
        Entry old = book.entries.get(id);
        long created = old == null || old.destroyed() ? state : old.createdState();
        book.entries.put(id, new Entry(body, created, state, false));
        return state;
    }

    @Override
    public synchronized OptionalLong destroy(AccountId account, String type, String id) {
        Book book = book(account, type);
        Entry old = book.entries.get(Objects.requireNonNull(id, "id"));
        if (old == null || old.destroyed()) {
            return OptionalLong.empty();
        }
        long state = ++book.state;
        book.entries.put(id, new Entry(old.body(), old.createdState(), state, true));
        return OptionalLong.of(state);
    }

    @Override
    public synchronized int forget(AccountId account, String type, Collection<String> ids) {
        Book book = book(account, type);
        int live = 0;
        for (String id : ids) {
            Entry old = book.entries.remove(Objects.requireNonNull(id, "id"));
            if (old != null && !old.destroyed()) {
                live++;
            }
        }
        return live;
    }

    @Override
    public synchronized Optional<ObjectChanges> changesSince(AccountId account, String type, long since) {
        Book book = book(account, type);
        if (since < 0 || since > book.state) {
            return Optional.empty();
        }
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> destroyed = new ArrayList<>();
        book.entries.entrySet().stream()
                .sorted(Comparator.comparingLong(e -> e.getValue().changedState()))
                .forEach(e -> {
                    Entry entry = e.getValue();
                    if (entry.changedState() <= since) {
                        return;
                    }
                    boolean existedBefore = entry.createdState() <= since;
                    if (entry.destroyed()) {
                        if (existedBefore) {
                            destroyed.add(e.getKey());
                        }
                    } else {
                        (existedBefore ? updated : created).add(e.getKey());
                    }
                });
        return Optional.of(new ObjectChanges(created, updated, destroyed, book.state));
    }
}
