/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory;

import dev.mailcore.api.Account;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.Quota;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.api.spi.ScramCredentials;
import dev.mailcore.store.TokenInfo;
import dev.mailcore.store.TokenIssuer;
import dev.mailcore.store.internal.TokenSecrets;
import dev.mailcore.store.memory.internal.DirectoryRegistry;
import dev.mailcore.store.memory.internal.PasswordHasher;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link Directory} held in memory: users with passwords, aliases, catch-all addresses and local domains, set up
 * in code.
 *
 * <pre>{@code
 * MemoryDirectory directory = MemoryDirectory.builder()
 *         .domain("example.com")
 *         .user("alice@example.com", "secret")
 *         .user("bob", "pw")                              // bob@example.com, logs in as "bob" or the address
 *         .alias("sales@example.com", "alice@example.com")
 *         .catchAll("example.com", "alice@example.com")
 *         .quota("alice@example.com", new Quota(10_000_000, -1))
 *         .build();
 * Account carol = directory.addUser("carol@example.org", "pw"); // later, from any thread
 * }</pre>
 *
 * <p><b>Logins and addresses.</b> A user is added by a full address or by a bare login; a bare login gets an
 * address at the first domain given to {@link Builder#domain}. A user logs in with the bare login (if any), the
 * address or any alias of it; a full-address user may also log in with the local part alone when the address is at
 * that first domain. Everything matches case-insensitively. The domain of every user, alias and catch-all is local.
 * {@link #resolveRecipient} tries the exact address, then drops a {@code +tag} from the local part, then the
 * domain's catch-all.
 *
 * <p><b>Account ids</b> are derived from the primary address: {@code "a"} and the first 16 bytes of the SHA-256 of
 * the lowercase address in unpadded base64url (23 characters). The same address gets the same id in every run.
 *
 * <p><b>Passwords</b> are kept only as salted PBKDF2-HMAC-SHA256 hashes, {@value #DEFAULT_ITERATIONS} iterations
 * unless {@link Builder#pbkdf2Iterations} says otherwise; a check takes a few hundred milliseconds at the default,
 * so tests usually lower it. An unknown login costs the same work as a wrong password.
 *
 * <p><b>Tokens</b> ({@link TokenIssuer}) live as long as the directory, or until they expire by the
 * {@linkplain Builder#clock clock}, as SHA-256 digests.
 */
public final class MemoryDirectory implements TokenIssuer {
    /** PBKDF2-HMAC-SHA256 iterations unless configured (the OWASP recommendation of 2023). */
    public static final int DEFAULT_ITERATIONS = 600_000;

    private final DirectoryRegistry registry;
    /** Tokens by {@linkplain TokenSecrets#digest digest}: only the digest of a token is kept. */
    private final Map<String, KeptToken> tokens = new ConcurrentHashMap<>();

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    private record KeptToken(String id, AccountId account, Instant created, Optional<Instant> expires) {
        TokenInfo info() {
            return new TokenInfo(id, created, expires);
        }
    }

    private MemoryDirectory(DirectoryRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Adds a user as {@link Builder#user} does; safe from any thread.
     *
     * @throws IllegalStateException if the login or address is taken, or a bare login has no domain to go with
     */
    public Account addUser(String login, String password) {
        return registry.addUser(Objects.requireNonNull(login, "login"), password.toCharArray());
    }

    /**
     * Gives the user that {@code login} (a login or address) names a new password; safe from any thread.
     *
     * @throws IllegalStateException if the user is unknown
     */
    public void setPassword(String login, String password) {
        registry.setPassword(Objects.requireNonNull(login, "login"), password.toCharArray());
    }

    @Override
    public Optional<Account> account(AccountId id) {
        return registry.account(Objects.requireNonNull(id, "id"));
    }

    @Override
    public Optional<Account> byLogin(String login) {
        return registry.byLogin(Objects.requireNonNull(login, "login"));
    }

    @Override
    public Optional<Account> authenticate(String login, char[] password) {
        return registry.authenticate(Objects.requireNonNull(login, "login"), password);
    }

    @Override
    public boolean supportsScram() {
        return true;
    }

    @Override
    public Optional<ScramCredentials> scramCredentials(String login) {
        return registry.scramCredentials(Objects.requireNonNull(login, "login"));
    }

    /**
     * Accepts an OAuth 2.0 bearer token the host issued for the account of {@code login} (OAUTHBEARER, XOAUTH2,
     * JMAP's {@code Bearer}) until it is {@linkplain #revokeToken revoked} or expires. Safe from any thread.
     *
     * @throws IllegalStateException if the login is unknown, or the token belongs to another account
     */
    @Override
    public void addToken(String token, String login, Optional<Instant> expires) {
        String digest = TokenSecrets.digest(Objects.requireNonNull(token, "token"));
        Objects.requireNonNull(expires, "expires");
        AccountId account = requireAccount(login);
        Instant now = clock.instant();
        tokens.values().removeIf(t -> t.info().isExpiredAt(now));
        tokens.compute(digest, (d, kept) -> {
            if (kept == null) {
                return new KeptToken(TokenSecrets.newId(random), account, now, expires);
            }
            if (!kept.account().equals(account)) {
                throw new IllegalStateException("the token belongs to another account");
            }
            return new KeptToken(kept.id(), account, kept.created(), expires);
        });
    }

    @Override
    public List<TokenInfo> tokens(String login) {
        Optional<Account> account = byLogin(login);
        if (account.isEmpty()) {
            return List.of();
        }
        return tokens.values().stream()
                .filter(t -> t.account().equals(account.get().id()))
                .map(KeptToken::info)
                .sorted(Comparator.comparing(TokenInfo::created).thenComparing(TokenInfo::id))
                .toList();
    }

    /** Stops accepting a token. */
    @Override
    public boolean revokeToken(String token) {
        return tokens.remove(TokenSecrets.digest(Objects.requireNonNull(token, "token"))) != null;
    }

    @Override
    public boolean revokeTokenId(String id) {
        Objects.requireNonNull(id, "id");
        return tokens.values().removeIf(t -> t.id().equals(id));
    }

    @Override
    public boolean supportsTokens() {
        return true;
    }

    @Override
    public Optional<Account> verifyToken(String token) {
        KeptToken kept = tokens.get(TokenSecrets.digest(Objects.requireNonNull(token, "token")));
        return kept == null || kept.info().isExpiredAt(clock.instant()) ? Optional.empty() : account(kept.account());
    }

    private AccountId requireAccount(String login) {
        return byLogin(Objects.requireNonNull(login, "login"))
                .orElseThrow(() -> new IllegalStateException("unknown login " + login))
                .id();
    }

    @Override
    public Optional<AccountId> resolveRecipient(String address) {
        return registry.resolveRecipient(Objects.requireNonNull(address, "address"));
    }

    @Override
    public boolean isLocalDomain(String domain) {
        return registry.isLocalDomain(Objects.requireNonNull(domain, "domain"));
    }

    /**
     * Collects the directory's contents; {@link #build()} checks them. Settings that take one value fail when set
     * twice.
     */
    public static final class Builder {
        private final List<String> domains = new ArrayList<>();
        private final Map<String, String> users = new LinkedHashMap<>();
        private final Map<String, String> aliases = new LinkedHashMap<>();
        private final Map<String, String> catchAlls = new LinkedHashMap<>();
        private final Map<String, Quota> quotas = new LinkedHashMap<>();
        private Quota defaultQuota;
        private Integer iterations;
        private Clock clock;

        private Builder() {}

        /** A local domain; the first one is where bare logins get their address. */
        public Builder domain(String domain) {
            domains.add(Objects.requireNonNull(domain, "domain"));
            return this;
        }

        /** A user by full address or bare login, with a password. */
        public Builder user(String login, String password) {
            Objects.requireNonNull(login, "login");
            Objects.requireNonNull(password, "password");
            if (users.putIfAbsent(login, password) != null) {
                throw new IllegalStateException("user " + login + " is set already");
            }
            return this;
        }

        /** Mail to {@code alias} goes to the user that {@code target} (a login or an address) names. */
        public Builder alias(String alias, String target) {
            Objects.requireNonNull(alias, "alias");
            Objects.requireNonNull(target, "target");
            if (aliases.putIfAbsent(alias, target) != null) {
                throw new IllegalStateException("alias " + alias + " is set already");
            }
            return this;
        }

        /** Mail to any unknown address at {@code domain} goes to the user {@code target} names. */
        public Builder catchAll(String domain, String target) {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(target, "target");
            if (catchAlls.putIfAbsent(domain, target) != null) {
                throw new IllegalStateException("catch-all of " + domain + " is set already");
            }
            return this;
        }

        /** The quota of the user {@code login} names (otherwise the default quota). */
        public Builder quota(String login, Quota quota) {
            Objects.requireNonNull(login, "login");
            Objects.requireNonNull(quota, "quota");
            if (quotas.putIfAbsent(login, quota) != null) {
                throw new IllegalStateException("quota of " + login + " is set already");
            }
            return this;
        }

        /** The quota of users without their own; {@link Quota#UNLIMITED} unless set. */
        public Builder defaultQuota(Quota quota) {
            Objects.requireNonNull(quota, "quota");
            if (defaultQuota != null) {
                throw new IllegalStateException("defaultQuota is set already");
            }
            defaultQuota = quota;
            return this;
        }

        /** PBKDF2 iterations for password hashes; {@value MemoryDirectory#DEFAULT_ITERATIONS} unless set. */
        public Builder pbkdf2Iterations(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("iterations must be positive: " + count);
            }
            if (iterations != null) {
                throw new IllegalStateException("pbkdf2Iterations is set already");
            }
            iterations = count;
            return this;
        }

        /** The clock that dates tokens and tells when they expire; the system clock in UTC unless set. */
        public Builder clock(Clock clock) {
            Objects.requireNonNull(clock, "clock");
            if (this.clock != null) {
                throw new IllegalStateException("clock is set already");
            }
            this.clock = clock;
            return this;
        }

        /**
         * Builds the directory.
         *
         * @throws IllegalStateException if a login or address is given twice, an alias, catch-all or quota names an
         *     unknown user, or a bare login comes without any domain
         */
        public MemoryDirectory build() {
            PasswordHasher hasher = new PasswordHasher(iterations == null ? DEFAULT_ITERATIONS : iterations);
            DirectoryRegistry registry =
                    new DirectoryRegistry(hasher, defaultQuota == null ? Quota.UNLIMITED : defaultQuota);
            domains.forEach(registry::addDomain);
            users.forEach((login, password) -> registry.addUser(login, password.toCharArray()));
            aliases.forEach(registry::addAlias);
            catchAlls.forEach(registry::addCatchAll);
            quotas.forEach(registry::setQuota);
            return new MemoryDirectory(registry, clock == null ? Clock.systemUTC() : clock);
        }
    }
}
