/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql.internal;

import dev.mailcore.api.Account;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.Quota;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Changes to the directory tables, inside a transaction that holds the directory's lock: every check made here
 * still holds when the change commits. Arguments are normalized by the caller; failures that are the caller's
 * (a taken name, an unknown user) throw {@link IllegalStateException}.
 */
public final class DirectoryWrites extends DirectoryReads {
    DirectoryWrites(DSLContext db, Quota defaultQuota) {
        super(db, defaultQuota);
    }

    /** Makes a domain local; the first one made so through here becomes the default. */
    public void addDomain(String domain) {
        boolean isDefault = defaultDomain().isEmpty();
        if (isDomain(domain)) {
            if (isDefault) {
                db.execute("UPDATE mc_dir_domain SET is_default = TRUE WHERE domain_name = ?", domain);
            }
            return;
        }
        db.execute("INSERT INTO mc_dir_domain (domain_name, is_default) VALUES (?, ?)", domain, isDefault);
    }

    /** Adds a user by bare login or address; see {@code SqlDirectory#addUser}. */
    public Account addUser(String name, String passwordHash, String scram, AccountId id) {
        boolean bare = name.indexOf('@') < 0;
        String address;
        if (bare) {
            String domain = defaultDomain()
                    .orElseThrow(() -> new IllegalStateException("bare login " + name + " needs a domain: add one"));
            address = name + "@" + domain;
        } else {
            address = DirectoryNames.requireAddress(name);
        }
        if (byAddress(address).isPresent()
                || db.fetchOptional("SELECT 1 FROM mc_dir_account WHERE login_name = ?", name)
                        .isPresent()) {
            throw new IllegalStateException("user " + name + " exists");
        }
        db.execute(
                "INSERT INTO mc_dir_account (account_id, login_name, primary_address) VALUES (?, ?, ?)",
                id.value(),
                name,
                address);
        db.execute(
                "INSERT INTO mc_dir_credential (account_id, password_hash, scram_sha256) VALUES (?, ?, ?)",
                id.value(),
                passwordHash,
                scram);
        insertAddress(address, id);
        return account(id).orElseThrow();
    }

    public void setPassword(String login, String passwordHash, String scram) {
        AccountId id = requireAccount(login);
        db.execute(
                "UPDATE mc_dir_credential SET password_hash = ?, scram_sha256 = ? WHERE account_id = ?",
                passwordHash,
                scram,
                id.value());
    }

    public void addAlias(String alias, String target) {
        AccountId id = requireAccount(target);
        if (byAddress(alias).isPresent()) {
            throw new IllegalStateException("address " + alias + " is taken");
        }
        insertAddress(alias, id);
    }

    /** Sets or replaces the catch-all of {@code domain}, which becomes local. */
    public void setCatchAll(String domain, String target) {
        AccountId id = requireAccount(target);
        db.execute("DELETE FROM mc_dir_catch_all WHERE domain_name = ?", domain);
        db.execute("INSERT INTO mc_dir_catch_all (domain_name, account_id) VALUES (?, ?)", domain, id.value());
        makeLocal(domain);
    }

    public void setQuota(String login, Quota quota) {
        AccountId id = requireAccount(login);
        db.execute(
                "UPDATE mc_dir_account SET quota_storage = ?, quota_messages = ? WHERE account_id = ?",
                quota.storageLimit(),
                quota.messageLimit(),
                id.value());
    }

    /** Removes the user with its credential, addresses and catch-alls; false when there is no such user. */
    public boolean removeUser(String login) {
        return byLogin(login)
                .map(id -> db.execute("DELETE FROM mc_dir_account WHERE account_id = ?", id.value()) > 0)
                .orElse(false);
    }

    /**
     * Accepts the token with this digest for the user {@code login} names; a token the user has already keeps its
     * id and creation time and takes the new expiry.
     */
    public void addToken(String login, String digest, String tokenId, Instant created, Optional<Instant> expires) {
        AccountId id = requireAccount(login);
        Long expiresAt = expires.map(Instant::toEpochMilli).orElse(null);
        Optional<AccountId> owner = tokenAccount(digest);
        if (owner.isPresent()) {
            if (!owner.get().equals(id)) {
                throw new IllegalStateException("the token belongs to another account");
            }
            db.execute("UPDATE mc_dir_token SET expires_at = ? WHERE token_hash = ?", expiresAt, digest);
            return;
        }
        db.execute(
                "INSERT INTO mc_dir_token (token_hash, token_id, account_id, created_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?)",
                digest,
                tokenId,
                id.value(),
                created.toEpochMilli(),
                expiresAt);
    }

    /** Removes every token that has expired at {@code now}; how many there were. */
    public int removeExpiredTokens(Instant now) {
        return db.execute("DELETE FROM mc_dir_token WHERE expires_at <= ?", now.toEpochMilli());
    }

    public boolean removeToken(String digest) {
        return db.execute("DELETE FROM mc_dir_token WHERE token_hash = ?", digest) > 0;
    }

    public boolean removeTokenId(String tokenId) {
        return db.execute("DELETE FROM mc_dir_token WHERE token_id = ?", tokenId) > 0;
    }

    /** Takes the directory's lock until the transaction ends. */
    void lock() {
        db.fetch("SELECT lock_id FROM mc_dir_lock WHERE lock_id = 1 FOR UPDATE");
    }

    private AccountId requireAccount(String login) {
        return byLogin(login).orElseThrow(() -> new IllegalStateException("no user " + login));
    }

    private void insertAddress(String address, AccountId id) {
        db.execute("INSERT INTO mc_dir_address (address, account_id) VALUES (?, ?)", address, id.value());
        makeLocal(DirectoryNames.domainOf(address));
    }

    private void makeLocal(String domain) {
        if (!isDomain(domain)) {
            db.execute("INSERT INTO mc_dir_domain (domain_name, is_default) VALUES (?, FALSE)", domain);
        }
    }
}
