/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.testing.internal;

import dev.mailcore.api.Account;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.Subscription;
import dev.mailcore.server.MailServer;
import dev.mailcore.store.memory.MemoryDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A started {@link MailServer} with what the test knows about it: the users and their passwords, in the order
 * they were added, each watched for arriving mail.
 */
public final class TestServer implements AutoCloseable {
    private final MailServer server;
    private final MemoryDirectory directory;
    private final ArrivalLog arrivals = new ArrivalLog();
    private final MailFolders folders;
    private final List<Account> accounts = new CopyOnWriteArrayList<>();
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    private TestServer(MailServer server, MemoryDirectory directory) {
        this.server = server;
        this.directory = directory;
        this.folders = new MailFolders(server.store(), arrivals);
    }

    /**
     * Starts the server {@code configure} builds around {@code directory}, then adds {@code users} (login to
     * password); on failure closes what was started.
     */
    public static TestServer start(
            MemoryDirectory directory, Function<MemoryDirectory, MailServer> configure, Map<String, String> users) {
        MailServer server = configure.apply(directory).start();
        try {
            TestServer started = new TestServer(server, directory);
            users.forEach(started::addUser);
            return started;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Adds a user to the directory and watches its account; returns the account. */
    public Account addUser(String login, String password) {
        Account account = directory.addUser(login, password);
        arrivals.watch(account.id(), server.store().changes().highestModSeq(account.id()));
        subscriptions.add(server.store().subscribe(account.id(), arrivals::record));
        accounts.add(account);
        passwords.put(account.primaryAddress(), password);
        return account;
    }

    public MailServer server() {
        return server;
    }

    public MailFolders folders() {
        return folders;
    }

    public ArrivalLog arrivals() {
        return arrivals;
    }

    /** Every account the test made, in the order it made them. */
    public List<AccountId> accountIds() {
        List<AccountId> ids = new ArrayList<>(accounts.size());
        accounts.forEach(a -> ids.add(a.id()));
        return ids;
    }

    /** The account mail to {@code address} goes to, through aliases and sub-addresses, or a bare login's. */
    public Optional<AccountId> recipient(String address) {
        return directory.resolveRecipient(address).or(() -> account(address).map(Account::id));
    }

    /** The account of a login or address. */
    public Optional<Account> account(String login) {
        return directory.byLogin(login);
    }

    /** The password given for a login or address of a known user. */
    public Optional<String> password(String login) {
        Optional<Account> account = account(login);
        return account.map(a -> passwords.get(a.primaryAddress()));
    }

    @Override
    public void close() {
        try {
            subscriptions.forEach(Subscription::close);
        } finally {
            server.close();
        }
    }
}
