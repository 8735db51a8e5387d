/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mailcore.api.Account;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.api.spi.ScramCredentials;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A {@link Directory} that remembers successful password checks for a while, so a client that logs in again and
 * again (mobile clients connect per sync, tests per test) pays the deliberately slow password hash once per
 * {@code ttl} rather than on every login.
 *
 * <p>What is kept per login is the account and an HMAC of the password under a key made at random when this object
 * is created and never stored, so neither a heap dump nor anything on disk yields a value to test guesses against
 * offline faster than the real hash. A login with a different password, and every failed one, goes to the wrapped
 * directory. A password changed in the wrapped directory keeps the old one working until its entry expires or
 * {@link #invalidate(String)} is called; hosts that change passwords through their own code call it. Checks of the
 * same login and password that arrive while one of them is being made wait for its answer rather than asking the
 * wrapped directory again.
 */
public final class CachingDirectory implements Directory {
    private static final int MAX_ENTRIES = 100_000;
    /** Keyed HMACs kept for reuse: making one looks up the provider and hashes the key, which a check need not pay. */
    private static final int MAX_IDLE_MACS = 16;

    private final Directory delegate;
    private final Cache<String, Verified> verified;
    private final SecretKeySpec key;
    private final BlockingQueue<Mac> idleMacs = new ArrayBlockingQueue<>(MAX_IDLE_MACS);
    /**
     * Checks under way, by login and password HMAC: clients that connect at once with the same credentials (a
     * thousand push streams reopening after a restart) wait for one slow hash instead of each paying it.
     */
    private final ConcurrentHashMap<String, CompletableFuture<Optional<Account>>> checking = new ConcurrentHashMap<>();

    private record Verified(byte[] passwordMac, Account account) {}

    /** Wraps {@code delegate}, keeping each successful check for {@code ttl} (positive). */
    public CachingDirectory(Directory delegate, Duration ttl) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive: " + ttl);
        }
        this.verified = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(MAX_ENTRIES)
                .build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The directory this one asks. */
    public Directory delegate() {
        return delegate;
    }

    /** Forgets the remembered check of {@code login}; the next login asks the wrapped directory. */
    public void invalidate(String login) {
        verified.invalidate(normalize(login));
    }

    /** Forgets every remembered check. */
    public void invalidateAll() {
        verified.invalidateAll();
    }

    @Override
    public Optional<Account> authenticate(String login, char[] password) {
        String name = normalize(login);
        byte[] mac = mac(name, password);
        Optional<Account> remembered = remembered(name, mac);
        if (remembered.isPresent()) {
            return remembered;
        }
        String check = name + '\0' + HexFormat.of().formatHex(mac);
        CompletableFuture<Optional<Account>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<Account>> running = checking.putIfAbsent(check, mine);
        if (running != null) {
            return running.join();
        }
        try {
            // A check that ended between the look above and joining the map left its answer here.
            Optional<Account> account = remembered(name, mac);
            if (account.isEmpty()) {
                account = delegate.authenticate(login, password);
                account.ifPresentOrElse(a -> verified.put(name, new Verified(mac, a)), () -> verified.invalidate(name));
            }
            mine.complete(account);
            return account;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(check, mine);
        }
    }

    private Optional<Account> remembered(String name, byte[] mac) {
        Verified known = verified.getIfPresent(name);
        return known != null && MessageDigest.isEqual(known.passwordMac(), mac)
                ? Optional.of(known.account())
                : Optional.empty();
    }

    @Override
    public Optional<Account> account(AccountId id) {
        return delegate.account(id);
    }

    @Override
    public Optional<Account> byLogin(String login) {
        return delegate.byLogin(login);
    }

    @Override
    public Optional<AccountId> resolveRecipient(String address) {
        return delegate.resolveRecipient(address);
    }

    @Override
    public boolean isLocalDomain(String domain) {
        return delegate.isLocalDomain(domain);
    }

    @Override
    public boolean supportsScram() {
        return delegate.supportsScram();
    }

    @Override
    public Optional<ScramCredentials> scramCredentials(String login) {
        return delegate.scramCredentials(login);
    }

    @Override
    public boolean supportsTokens() {
        return delegate.supportsTokens();
    }

    @Override
    public Optional<Account> verifyToken(String token) {
        return delegate.verifyToken(token);
    }

    private static String normalize(String login) {
        return login.toLowerCase(Locale.ROOT);
    }

    /** HMAC over the login and the password, so one entry's value says nothing about another login's. */
    private byte[] mac(String login, char[] password) {
        ByteBuffer encoded;
        try {
            // A fresh encoder rather than Charset.encode's per-thread one: each request runs on a thread of its own.
            encoded = StandardCharsets.UTF_8
                    .newEncoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .encode(CharBuffer.wrap(password));
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("replacing encoders do not fail", e);
        }
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        try {
            Mac hmac = idleMacs.poll();
            if (hmac == null) {
                hmac = Mac.getInstance("HmacSHA256");
                hmac.init(key);
            }
            hmac.update(login.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            byte[] result = hmac.doFinal(bytes);
            // doFinal leaves it reset and keyed, ready for the next check; when enough are idle it is dropped.
            idleMacs.offer(hmac);
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
        }
    }
}
