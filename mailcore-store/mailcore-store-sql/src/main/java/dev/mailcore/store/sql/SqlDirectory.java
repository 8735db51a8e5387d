/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql;

import dev.mailcore.api.Account;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.MailException;
import dev.mailcore.api.Quota;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.api.spi.ScramCredentials;
import dev.mailcore.store.TokenInfo;
import dev.mailcore.store.TokenIssuer;
import dev.mailcore.store.internal.TokenSecrets;
import dev.mailcore.store.sql.internal.DirectoryDatabase;
import dev.mailcore.store.sql.internal.DirectoryNames;
import dev.mailcore.store.sql.internal.PasswordHasher;
import dev.mailcore.store.sql.internal.ScramColumn;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Directory} in the database of a {@link SqlMetadataStore}: domains, users with Argon2id password hashes,
 * aliases, catch-all addresses and quotas, provisioned at run time through the methods below and shared by every
 * node that uses the same database.
 *
 * <pre>{@code
 * SqlMetadataStore store = SqlMetadataStore.h2(dataDir);
 * SqlDirectory directory = SqlDirectory.builder(store).build();
 * directory.addDomain("example.com");
 * Account alice = directory.addUser("alice@example.com", "secret");
 * directory.addUser("bob", "pw");                         // bob@example.com, logs in as "bob" or the address
 * directory.addAlias("sales@example.com", "alice@example.com");
 * directory.setCatchAll("example.com", "alice");
 * directory.setQuota("alice", new Quota(10_000_000, -1));
 * }</pre>
 *
 * <p><b>Same rules as {@code MemoryDirectory}.</b> A user is added by a full address or by a bare login; a bare
 * login gets an address at the default domain, the first one given to {@link #addDomain}. A user logs in with the
 * bare login, the address or any alias of it; the local part alone also works for an address at the default domain.
 * Everything matches case-insensitively (it is stored lowercase). The domain of every user, alias and catch-all
 * becomes local. {@link #resolveRecipient} tries the exact address, then drops a {@code +tag} from the local part,
 * then the domain's catch-all.
 *
 * <p><b>Account ids</b> are random ({@code "a"} and 16 random bytes in base64url, 23 characters) and kept in the
 * database, unlike {@code MemoryDirectory}'s ids derived from the address: an address that is removed and given to
 * someone else later must not lead to the mail its previous owner left in the store.
 *
 * <p><b>Passwords</b> are kept only as salted Argon2id hashes ({@link Argon2Parameters#DEFAULT} unless configured).
 * An unknown login costs the same hashing work as a wrong password.
 *
 * <p><b>Tokens</b> ({@link TokenIssuer}): bearer tokens (API keys) are kept as SHA-256 digests in
 * {@code mc_dir_token} (migrations {@code V9__tokens.sql}, {@code V10__token_expiry.sql}) and go when their user is
 * removed. Their creation and expiry are read from the {@linkplain Builder#clock clock}.
 *
 * <p><b>Storage and errors.</b> The directory uses the store's connection pool and schema (migration
 * {@code V2__directory.sql}); it lives as long as the store and needs no closing. Every change is one transaction,
 * committed when the method returns, and changes run one at a time (they lock one row). Database failures throw
 * {@link MailException} as the store's do; calls after the store is closed throw {@link IllegalStateException}.
 * All methods are safe from any thread.
 */
public final class SqlDirectory implements TokenIssuer {
    private final SqlMetadataStore store;
    private final DirectoryDatabase database;
    private final PasswordHasher hasher;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    private SqlDirectory(Builder b) {
        store = b.store;
        database = new DirectoryDatabase(store.writePool(), store.jooqConfiguration(), b.defaultQuota);
        hasher = new PasswordHasher(b.argon2.memoryKib(), b.argon2.iterations(), b.argon2.parallelism());
        clock = b.clock;
    }

    /** A builder of a directory in {@code store}'s database. */
    public static Builder builder(SqlMetadataStore store) {
        return new Builder(Objects.requireNonNull(store, "store"));
    }

    @Override
    public Optional<Account> account(AccountId id) {
        Objects.requireNonNull(id, "id");
        return database().read(db -> db.account(id));
    }

    @Override
    public Optional<Account> byLogin(String login) {
        String name = DirectoryNames.normalize(Objects.requireNonNull(login, "login"));
        return database().read(db -> db.byLogin(name).flatMap(db::account));
    }

    @Override
    public Optional<Account> authenticate(String login, char[] password) {
        String name = DirectoryNames.normalize(Objects.requireNonNull(login, "login"));
        Objects.requireNonNull(password, "password");
        record Found(Account account, String hash) {}
        Optional<Found> found = database()
                .read(db -> db.byLogin(name)
                        .flatMap(id ->
                                db.account(id).flatMap(a -> db.passwordHash(id).map(h -> new Found(a, h)))));
        // Hashing runs outside the transaction: it is slow by design and must not hold a connection.
        if (found.isEmpty()) {
            hasher.verifyNothing(password);
            return Optional.empty();
        }
        return hasher.verify(password, found.get().hash())
                ? Optional.of(found.get().account())
                : Optional.empty();
    }

    @Override
    public boolean supportsScram() {
        return true;
    }

    /** Empty for users whose password was set before SCRAM credentials were kept (schema version 4). */
    @Override
    public Optional<ScramCredentials> scramCredentials(String login) {
        String name = DirectoryNames.normalize(Objects.requireNonNull(login, "login"));
        return database()
                .read(db -> db.byLogin(name)
                        .flatMap(id ->
                                db.account(id).flatMap(a -> db.scram(id).map(column -> ScramColumn.parse(a, column)))));
    }

    @Override
    public Optional<AccountId> resolveRecipient(String address) {
        String name = DirectoryNames.normalize(Objects.requireNonNull(address, "address"));
        if (!DirectoryNames.isAddress(name)) {
            return Optional.empty();
        }
        int at = name.lastIndexOf('@');
        String local = name.substring(0, at);
        String domain = name.substring(at + 1);
        int plus = local.indexOf('+');
        return database()
                .read(db -> db.byAddress(name)
                        .or(() -> plus > 0 ? db.byAddress(local.substring(0, plus) + "@" + domain) : Optional.empty())
                        .or(() -> db.catchAll(domain)));
    }

    @Override
    public boolean isLocalDomain(String domain) {
        String name = DirectoryNames.normalize(Objects.requireNonNull(domain, "domain"));
        return database().read(db -> db.isDomain(name));
    }

    /**
     * Makes {@code domain} local; the first domain added this way is where bare logins get their address.
     *
     * @throws IllegalArgumentException if it is empty or holds an {@code @}
     */
    public void addDomain(String domain) {
        String name = DirectoryNames.requireDomain(Objects.requireNonNull(domain, "domain"));
        database().write(db -> {
            db.addDomain(name);
            return null;
        });
    }

    /**
     * Adds a user by a full address or a bare login (which gets an address at the default domain), with a password;
     * the address's domain becomes local.
     *
     * @throws IllegalArgumentException if the login or password is empty, or the login is not a valid address
     * @throws IllegalStateException if the login or address is taken, or a bare login comes before any domain
     */
    public Account addUser(String login, String password) {
        String name = DirectoryNames.normalize(Objects.requireNonNull(login, "login"));
        String hash = hashOf(password);
        String scram = ScramColumn.of(password.toCharArray(), random);
        AccountId id = DirectoryNames.newAccountId(random);
        return database().write(db -> db.addUser(name, hash, scram, id));
    }

    /**
     * Replaces the password of the user {@code login} names (a login or any of its addresses). A user who has this
     * password already, hashed with the current parameters, keeps the stored hash: a host that gives its users'
     * passwords at every start does not pay an Argon2id hash per user per start.
     *
     * @throws IllegalArgumentException if the password is empty
     * @throws IllegalStateException if there is no such user
     */
    public void setPassword(String login, String password) {
        String name = DirectoryNames.normalize(Objects.requireNonNull(login, "login"));
        requirePassword(password);
        if (hasPassword(name, password)) {
            return;
        }
        String hash = hashOf(password);
        String scram = ScramColumn.of(password.toCharArray(), random);
        database().write(db -> {
            db.setPassword(name, hash, scram);
            return null;
        });
    }

    /**
     * Delivers mail for {@code alias} to the user {@code target} (a login or an address) names, and lets that user
     * log in with it; the alias's domain becomes local.
     *
     * @throws IllegalArgumentException if {@code alias} is not an address
     * @throws IllegalStateException if the alias is taken or the target unknown
     */
    public void addAlias(String alias, String target) {
        String address =
                DirectoryNames.requireAddress(DirectoryNames.normalize(Objects.requireNonNull(alias, "alias")));
        String name = DirectoryNames.normalize(Objects.requireNonNull(target, "target"));
        database().write(db -> {
            db.addAlias(address, name);
            return null;
        });
    }

    /**
     * Delivers mail for unknown addresses at {@code domain} to the user {@code target} names, replacing any earlier
     * catch-all of the domain; the domain becomes local.
     *
     * @throws IllegalStateException if the target is unknown
     */
    public void setCatchAll(String domain, String target) {
        String name = DirectoryNames.requireDomain(Objects.requireNonNull(domain, "domain"));
        String user = DirectoryNames.normalize(Objects.requireNonNull(target, "target"));
        database().write(db -> {
            db.setCatchAll(name, user);
            return null;
        });
    }

    /**
     * Sets the quota of the user {@code login} names; users without one have the directory's default quota.
     *
     * @throws IllegalStateException if there is no such user
     */
    public void setQuota(String login, Quota quota) {
        String name = DirectoryNames.normalize(Objects.requireNonNull(login, "login"));
        Objects.requireNonNull(quota, "quota");
        database().write(db -> {
            db.setQuota(name, quota);
            return null;
        });
    }

    /**
     * Removes the user {@code login} names with its password, addresses and catch-alls. The account's mail stays in
     * the store; the account id is never given out again.
     *
     * @return whether there was such a user
     */
    public boolean removeUser(String login) {
        String name = DirectoryNames.normalize(Objects.requireNonNull(login, "login"));
        return database().write(db -> db.removeUser(name));
    }

    @Override
    public void addToken(String token, String login, Optional<Instant> expires) {
        String name = DirectoryNames.normalize(Objects.requireNonNull(login, "login"));
        String digest = TokenSecrets.digest(Objects.requireNonNull(token, "token"));
        Objects.requireNonNull(expires, "expires");
        String id = TokenSecrets.newId(random);
        Instant now = clock.instant();
        database().write(db -> {
            db.removeExpiredTokens(now);
            db.addToken(name, digest, id, now, expires);
            return null;
        });
    }

    @Override
    public List<TokenInfo> tokens(String login) {
        String name = DirectoryNames.normalize(Objects.requireNonNull(login, "login"));
        return database().read(db -> db.byLogin(name).map(db::tokens).orElse(List.of()));
    }

    @Override
    public boolean revokeToken(String token) {
        String digest = TokenSecrets.digest(Objects.requireNonNull(token, "token"));
        return database().write(db -> db.removeToken(digest));
    }

    @Override
    public boolean revokeTokenId(String id) {
        Objects.requireNonNull(id, "id");
        return database().write(db -> db.removeTokenId(id));
    }

    @Override
    public boolean supportsTokens() {
        return true;
    }

    /** One indexed lookup by the token's SHA-256; see {@link TokenIssuer} for why no slow hash. */
    @Override
    public Optional<Account> verifyToken(String token) {
        String digest = TokenSecrets.digest(Objects.requireNonNull(token, "token"));
        Instant now = clock.instant();
        return database().read(db -> db.liveTokenAccount(digest, now).flatMap(db::account));
    }

    private String hashOf(String password) {
        requirePassword(password);
        return hasher.hash(password.toCharArray());
    }

    private static void requirePassword(String password) {
        Objects.requireNonNull(password, "password");
        if (password.isEmpty()) {
            throw new IllegalArgumentException("a password must not be empty");
        }
    }

    /**
     * Whether the user's stored credentials are of {@code password} and of the current hash parameters. Checked
     * against the SCRAM keys (4,096 rounds of PBKDF2), a fraction of the Argon2id work a fresh hash costs.
     */
    private boolean hasPassword(String name, String password) {
        record Stored(String hash, String scram) {}
        Optional<Stored> stored = database()
                .read(db -> db.byLogin(name)
                        .flatMap(id ->
                                db.passwordHash(id).flatMap(h -> db.scram(id).map(s -> new Stored(h, s)))));
        return stored.isPresent()
                && hasher.isCurrent(stored.get().hash())
                && ScramColumn.matches(stored.get().scram(), password.toCharArray());
    }

    private DirectoryDatabase database() {
        store.requireOpen();
        return database;
    }

    /** Settings of a {@link SqlDirectory}; each may be given once. */
    public static final class Builder {
        private final SqlMetadataStore store;
        private Argon2Parameters argon2;
        private Quota defaultQuota;
        private Clock clock;

        private Builder(SqlMetadataStore store) {
            this.store = store;
        }

        /** The cost of new password hashes; {@link Argon2Parameters#DEFAULT} unless set. */
        public Builder argon2(Argon2Parameters parameters) {
            Objects.requireNonNull(parameters, "parameters");
            if (argon2 != null) {
                throw new IllegalStateException("argon2 was already set");
            }
            argon2 = parameters;
            return this;
        }

        /** The quota of users without their own; {@link Quota#UNLIMITED} unless set. */
        public Builder defaultQuota(Quota quota) {
            Objects.requireNonNull(quota, "quota");
            if (defaultQuota != null) {
                throw new IllegalStateException("defaultQuota was already set");
            }
            defaultQuota = quota;
            return this;
        }

        /** The clock that dates new tokens and tells when they expire; the system clock in UTC unless set. */
        public Builder clock(Clock clock) {
            Objects.requireNonNull(clock, "clock");
            if (this.clock != null) {
                throw new IllegalStateException("clock was already set");
            }
            this.clock = clock;
            return this;
        }

        /** The directory; it shares the store's connection pool and schema. */
        public SqlDirectory build() {
            if (clock == null) {
                clock = Clock.systemUTC();
            }
            if (argon2 == null) {
                argon2 = Argon2Parameters.DEFAULT;
            }
            if (defaultQuota == null) {
                defaultQuota = Quota.UNLIMITED;
            }
            return new SqlDirectory(this);
        }
    }
}
