/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql.internal;

import dev.mailcore.api.Account;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.Quota;
import dev.mailcore.store.TokenInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Lookups in the directory tables of {@code V2__directory.sql}, inside one transaction. Arguments are normalized
 * (trimmed, lowercase) by the caller.
 */
public class DirectoryReads {
    final DSLContext db;
    private final Quota defaultQuota;

    DirectoryReads(DSLContext db, Quota defaultQuota) {
        this.db = db;
        this.defaultQuota = defaultQuota;
    }

    /** The domain bare logins get their address at, if any. */
    public Optional<String> defaultDomain() {
        return db.fetchOptional("SELECT domain_name FROM mc_dir_domain WHERE is_default")
                .map(r -> r.get(0, String.class));
    }

    public boolean isDomain(String domain) {
        return db.fetchOptional("SELECT 1 FROM mc_dir_domain WHERE domain_name = ?", domain)
                .isPresent();
    }

    /**
     * The account a login names: by bare login or login address, then by any of its addresses, then (for a bare
     * name) by its address at the default domain.
     */
    public Optional<AccountId> byLogin(String name) {
        Optional<AccountId> id = db.fetchOptional("SELECT account_id FROM mc_dir_account WHERE login_name = ?", name)
                .map(DirectoryReads::accountId);
        if (id.isEmpty()) {
            id = byAddress(name);
        }
        if (id.isEmpty() && name.indexOf('@') < 0) {
            Optional<String> domain = defaultDomain();
            if (domain.isPresent()) {
                id = byAddress(name + "@" + domain.get());
            }
        }
        return id;
    }

    public Optional<AccountId> byAddress(String address) {
        return db.fetchOptional("SELECT account_id FROM mc_dir_address WHERE address = ?", address)
                .map(DirectoryReads::accountId);
    }

    public Optional<AccountId> catchAll(String domain) {
        return db.fetchOptional("SELECT account_id FROM mc_dir_catch_all WHERE domain_name = ?", domain)
                .map(DirectoryReads::accountId);
    }

    public Optional<Account> account(AccountId id) {
        Optional<Record> row = db.fetchOptional(
                "SELECT login_name, primary_address, quota_storage, quota_messages FROM mc_dir_account"
                        + " WHERE account_id = ?",
                id.value());
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Record r = row.get();
        Set<String> addresses =
                Set.copyOf(db.fetch("SELECT address FROM mc_dir_address WHERE account_id = ?", id.value())
                        .getValues(0, String.class));
        Long storage = r.get(2, Long.class);
        Long messages = r.get(3, Long.class);
        Quota quota = storage == null || messages == null ? defaultQuota : new Quota(storage, messages);
        return Optional.of(new Account(id, r.get(0, String.class), r.get(1, String.class), addresses, quota));
    }

    public Optional<String> passwordHash(AccountId id) {
        return db.fetchOptional("SELECT password_hash FROM mc_dir_credential WHERE account_id = ?", id.value())
                .map(r -> r.get(0, String.class));
    }

    /** The SCRAM-SHA-256 column of an account: see {@link ScramColumn}; empty when none was written. */
    public Optional<String> scram(AccountId id) {
        return db.fetchOptional("SELECT scram_sha256 FROM mc_dir_credential WHERE account_id = ?", id.value())
                .map(r -> r.get(0, String.class));
    }

    /** The account of a token by its digest, expired or not. */
    public Optional<AccountId> tokenAccount(String digest) {
        return db.fetchOptional("SELECT account_id FROM mc_dir_token WHERE token_hash = ?", digest)
                .map(DirectoryReads::accountId);
    }

    /** The account of a token by its digest while it has not expired at {@code now} (see {@code TokenInfo}). */
    public Optional<AccountId> liveTokenAccount(String digest, Instant now) {
        return db.fetchOptional(
                        "SELECT account_id FROM mc_dir_token WHERE token_hash = ?"
                                + " AND (expires_at IS NULL OR expires_at > ?)",
                        digest,
                        now.toEpochMilli())
                .map(DirectoryReads::accountId);
    }

    /** The tokens of an account, oldest first. */
    public List<TokenInfo> tokens(AccountId id) {
        return db.fetch(
                        "SELECT token_id, created_at, expires_at FROM mc_dir_token WHERE account_id = ?"
                                + " ORDER BY created_at, token_id",
                        id.value())
                .map(r -> new TokenInfo(
                        r.get(0, String.class),
                        Instant.ofEpochMilli(r.get(1, Long.class)),
                        Optional.ofNullable(r.get(2, Long.class)).map(Instant::ofEpochMilli)));
    }

    private static AccountId accountId(Record r) {
        return AccountId.of(r.get(0, String.class));
    }
}
