/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory.internal;

import dev.mailcore.api.Account;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.Quota;
import dev.mailcore.api.spi.ScramCredentials;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The users, addresses and domains behind {@code MemoryDirectory}. Lookups read concurrent maps without locking;
 * changes take one lock so two of them never interleave. Everything is kept lowercase, which is how matching is
 * case-insensitive.
 */
public final class DirectoryRegistry {
    private record Entry(Account account, PasswordHash hash) {}

    private final PasswordHasher hasher;
    private final Quota defaultQuota;
    private final ReentrantLock changes = new ReentrantLock();
    private volatile String defaultDomain;
    private final Set<String> domains = ConcurrentHashMap.newKeySet();
    private final Map<AccountId, Entry> accounts = new ConcurrentHashMap<>();
    /** Bare logins (without a domain) to accounts. */
    private final Map<String, AccountId> logins = new ConcurrentHashMap<>();
    /** Primary and alias addresses to accounts. */
    private final Map<String, AccountId> addresses = new ConcurrentHashMap<>();

    private final Map<String, AccountId> catchAll = new ConcurrentHashMap<>();

    public DirectoryRegistry(PasswordHasher hasher, Quota defaultQuota) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.defaultQuota = Objects.requireNonNull(defaultQuota, "defaultQuota");
    }

    /** Makes a domain local; the first one added is where bare logins get their address. */
    public void addDomain(String domain) {
        String name = requireDomain(domain);
        changes.lock();
        try {
            domains.add(name);
            if (defaultDomain == null) {
                defaultDomain = name;
            }
        } finally {
            changes.unlock();
        }
    }

    /**
     * Adds a user by a full address or a bare login (which gets an address at the default domain); the address's
     * domain becomes local.
     *
     * @throws IllegalStateException if the login or address is taken, or a bare login has no default domain
     */
    public Account addUser(String login, char[] password) {
        String name = normalize(login);
        if (name.isEmpty() || password.length == 0) {
            throw new IllegalArgumentException("a user needs a login and a non-empty password");
        }
        PasswordHash hash = hasher.hash(password); // slow by design: outside the lock
        changes.lock();
        try {
            boolean bare = name.indexOf('@') < 0;
            if (bare && defaultDomain == null) {
                throw new IllegalStateException("bare login " + name + " needs a domain: add one first");
            }
            String address = bare ? name + "@" + defaultDomain : requireAddress(name);
            if (addresses.containsKey(address) || (bare && logins.containsKey(name))) {
                throw new IllegalStateException("user " + name + " exists");
            }
            AccountId id = AccountIds.fromAddress(address);
            if (accounts.containsKey(id)) {
                throw new IllegalStateException("account id " + id + " of " + address + " is taken");
            }
            Account account = new Account(id, name, address, Set.of(address), defaultQuota);
            accounts.put(id, new Entry(account, hash));
            addresses.put(address, id);
            if (bare) {
                logins.put(name, id);
            }
            domains.add(domainOf(address));
            return account;
        } finally {
            changes.unlock();
        }
    }

    /**
     * Gives the user that {@code login} (a login or address) names a new password.
     *
     * @throws IllegalStateException if the user is unknown
     */
    public void setPassword(String login, char[] password) {
        if (password.length == 0) {
            throw new IllegalArgumentException("a password must not be empty");
        }
        PasswordHash hash = hasher.hash(password); // slow by design: outside the lock
        changes.lock();
        try {
            AccountId id = requireAccount(login);
            accounts.put(id, new Entry(accounts.get(id).account(), hash));
        } finally {
            changes.unlock();
        }
    }

    /**
     * Delivers mail for {@code alias} to the account that {@code target} (a login or address) names.
     *
     * @throws IllegalStateException if the alias is taken or the target unknown
     */
    public void addAlias(String alias, String target) {
        String address = requireAddress(normalize(alias));
        changes.lock();
        try {
            AccountId id = requireAccount(target);
            if (addresses.containsKey(address)) {
                throw new IllegalStateException("address " + address + " is taken");
            }
            addresses.put(address, id);
            domains.add(domainOf(address));
            Account account = accounts.get(id).account();
            Set<String> all = new HashSet<>(account.addresses());
            all.add(address);
            replace(new Account(id, account.login(), account.primaryAddress(), all, account.quota()));
        } finally {
            changes.unlock();
        }
    }

    /** Delivers mail for unknown addresses at {@code domain} to {@code target}, and makes the domain local. */
    public void addCatchAll(String domain, String target) {
        String name = requireDomain(domain);
        changes.lock();
        try {
            AccountId id = requireAccount(target);
            if (catchAll.containsKey(name)) {
                throw new IllegalStateException("domain " + name + " has a catch-all already");
            }
            catchAll.put(name, id);
            domains.add(name);
        } finally {
            changes.unlock();
        }
    }

    public void setQuota(String login, Quota quota) {
        Objects.requireNonNull(quota, "quota");
        changes.lock();
        try {
            Account account = accounts.get(requireAccount(login)).account();
            replace(new Account(account.id(), account.login(), account.primaryAddress(), account.addresses(), quota));
        } finally {
            changes.unlock();
        }
    }

    public Optional<Account> account(AccountId id) {
        return Optional.ofNullable(accounts.get(id)).map(Entry::account);
    }

    public Optional<Account> byLogin(String login) {
        return entry(login).map(Entry::account);
    }

    public Optional<Account> authenticate(String login, char[] password) {
        Objects.requireNonNull(password, "password");
        Optional<Entry> entry = entry(login);
        if (entry.isEmpty()) {
            hasher.verifyNothing(password);
            return Optional.empty();
        }
        return hasher.verify(password, entry.get().hash())
                ? Optional.of(entry.get().account())
                : Optional.empty();
    }

    /**
     * SCRAM-SHA-256 credentials derived from the stored hash: it is PBKDF2-HMAC-SHA-256 of the password, which is
     * exactly SCRAM's SaltedPassword, so nothing more needs to be kept.
     */
    public Optional<ScramCredentials> scramCredentials(String login) {
        return entry(login)
                .map(e -> ScramCredentials.fromSaltedPassword(
                        e.account(),
                        e.hash().salt(),
                        e.hash().iterations(),
                        e.hash().hash()));
    }

    public Optional<AccountId> resolveRecipient(String address) {
        String name = normalize(address);
        int at = name.lastIndexOf('@');
        if (at <= 0 || at == name.length() - 1) {
            return Optional.empty();
        }
        AccountId id = addresses.get(name);
        String local = name.substring(0, at);
        String domain = name.substring(at + 1);
        int plus = local.indexOf('+');
        if (id == null && plus > 0) {
            id = addresses.get(local.substring(0, plus) + "@" + domain);
        }
        if (id == null) {
            id = catchAll.get(domain);
        }
        return Optional.ofNullable(id);
    }

    public boolean isLocalDomain(String domain) {
        return domains.contains(normalize(domain));
    }

    private Optional<Entry> entry(String login) {
        String name = normalize(login);
        AccountId id = logins.get(name);
        if (id == null) {
            id = addresses.get(name);
        }
        String domain = defaultDomain;
        if (id == null && name.indexOf('@') < 0 && domain != null) {
            id = addresses.get(name + "@" + domain);
        }
        return Optional.ofNullable(id).map(accounts::get);
    }

    private AccountId requireAccount(String login) {
        return entry(login).map(e -> e.account().id()).orElseThrow(() -> new IllegalStateException("no user " + login));
    }

    private void replace(Account account) {
        accounts.computeIfPresent(account.id(), (id, old) -> new Entry(account, old.hash()));
    }

    private static String normalize(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private static String requireAddress(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            throw new IllegalArgumentException("not an address: " + address);
        }
        return address;
    }

    private static String requireDomain(String domain) {
        String name = normalize(domain);
        if (name.isEmpty() || name.indexOf('@') >= 0) {
            throw new IllegalArgumentException("not a domain: " + domain);
        }
        return name;
    }

    private static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1);
    }
}
