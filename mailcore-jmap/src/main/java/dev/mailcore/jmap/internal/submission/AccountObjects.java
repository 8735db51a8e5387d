/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.submission;

import dev.mailcore.api.Account;
import dev.mailcore.api.AccountId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * Objects of one type per account (identities, submissions), kept by the handler in memory with a state counter per
 * account for the {@code /changes} method. Destroyed objects leave a tombstone so changes can report them.
 */
public final class AccountObjects {
    /** The id of the identity made from the account's primary address. */
    public static final String PRIMARY = "primary";

    /** One identity as JSON with the state it was created and last changed in; a destroyed one keeps its tombstone. */
    public record Entry(ObjectNode identity, long createdAt, long changedAt, boolean destroyed) {}

    /** A snapshot of the changes after a state. */
    public record Delta(List<String> created, List<String> updated, List<String> destroyed, long state) {}

    private static final class Book {
        long state;
        long nextId = 1;
        final Map<String, Entry> entries = new LinkedHashMap<>();
    }

    private final ConcurrentMap<AccountId, Book> books = new ConcurrentHashMap<>();
    private final String idPrefix;
    private final boolean primaryIdentity;

    private AccountObjects(String idPrefix, boolean primaryIdentity) {
        this.idPrefix = idPrefix;
        this.primaryIdentity = primaryIdentity;
    }

    /** Identities: every account starts with one for its primary address that cannot be deleted. */
    public static AccountObjects identities() {
        return new AccountObjects("I", true);
    }

    public static AccountObjects submissions() {
        return new AccountObjects("S", false);
    }

    private Book book(Account account) {
        return books.computeIfAbsent(account.id(), id -> {
            Book book = new Book();
            if (primaryIdentity) {
                ObjectNode primary = IdentityJson.blank(PRIMARY, account.primaryAddress(), false);
                book.entries.put(PRIMARY, new Entry(primary, 0, 0, false));
            }
            return book;
        });
    }

    public long state(Account account) {
        Book book = book(account);
        synchronized (book) {
            return book.state;
        }
    }

    /** The live identities, in creation order. */
    public List<ObjectNode> list(Account account) {
        Book book = book(account);
        synchronized (book) {
            List<ObjectNode> result = new ArrayList<>();
            book.entries.values().stream()
                    .filter(e -> !e.destroyed())
                    .forEach(e -> result.add(e.identity().deepCopy()));
            return result;
        }
    }

    public ObjectNode get(Account account, String id) {
        Book book = book(account);
        synchronized (book) {
            Entry entry = book.entries.get(id);
            return entry == null || entry.destroyed() ? null : entry.identity().deepCopy();
        }
    }

    /** Stores a new identity under a fresh id and answers the id. */
    public String create(Account account, ObjectNode identity) {
        Book book = book(account);
        synchronized (book) {
            String id = idPrefix + book.nextId++;
            long state = ++book.state;
            book.entries.put(id, new Entry(identity.deepCopy().put("id", id), state, state, false));
            return id;
        }
    }

    public void replace(Account account, String id, ObjectNode identity) {
        Book book = book(account);
        synchronized (book) {
            Entry entry = book.entries.get(id);
            book.entries.put(id, new Entry(identity.deepCopy(), entry.createdAt(), ++book.state, false));
        }
    }

    public void destroy(Account account, String id) {
        Book book = book(account);
        synchronized (book) {
            Entry entry = book.entries.get(id);
            book.entries.put(id, new Entry(entry.identity(), entry.createdAt(), ++book.state, true));
        }
    }

    /** What changed after {@code since}; null when {@code since} is not a state this account had. */
    public Delta changesSince(Account account, long since) {
        Book book = book(account);
        synchronized (book) {
            if (since < 0 || since > book.state) {
                return null;
            }
            List<String> created = new ArrayList<>();
            List<String> updated = new ArrayList<>();
            List<String> destroyed = new ArrayList<>();
            book.entries.forEach((id, entry) -> {
                if (entry.changedAt() <= since) {
                    return;
                }
                boolean existedBefore = entry.createdAt() <= since;
                if (entry.destroyed()) {
                    if (existedBefore) {
                        destroyed.add(id);
                    }
                } else if (existedBefore) {
                    updated.add(id);
                } else {
                    created.add(id);
                }
            });
            return new Delta(created, updated, destroyed, book.state);
        }
    }
}
