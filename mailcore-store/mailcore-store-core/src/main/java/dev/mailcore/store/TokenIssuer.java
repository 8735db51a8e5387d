/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store;

import dev.mailcore.api.spi.Directory;
import dev.mailcore.store.internal.TokenSecrets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Directory} that issues and revokes the bearer tokens (API keys) it {@linkplain Directory#verifyToken
 * verifies}: JMAP takes them as {@code Authorization: Bearer}, IMAP and SMTP through OAUTHBEARER and XOAUTH2.
 *
 * <pre>{@code
 * String token = directory.createToken("alice@example.com");   // shown once: only its hash is kept
 * String day = directory.createToken("alice@example.com",
 *         Optional.of(Instant.now().plus(Duration.ofDays(1))));  // refused from that instant on
 * directory.tokens("alice@example.com");                        // [TokenInfo[id=t..., created=..., expires=...]]
 * directory.revokeToken(token);                                 // or revokeTokenId(id) without the secret
 * }</pre>
 *
 * <p>Tokens are kept only as SHA-256 digests (see {@code TokenSecrets}), never as given. A plain hash is enough here, unlike
 * for passwords: a token this directory creates carries 256 random bits, so nobody can guess one from its digest,
 * and a slow hash would only slow down every request that presents one. Tokens given by the host ({@link #addToken})
 * should be as random. Revocation takes effect on the next request. All methods are safe from any thread.
 *
 * <p><b>Expiry.</b> A token may carry an expiry instant: from then on ({@link TokenInfo#isExpiredAt}, read from the
 * directory's clock) it verifies nothing, everywhere tokens are taken, exactly like an unknown token. An expired token
 * stays {@linkplain #tokens listed}, with its expiry, until it is removed: every {@link #addToken} (and so every
 * {@link #createToken}) first removes all expired tokens of the directory, so they do not pile up.
 */
public interface TokenIssuer extends Directory {
    /**
     * A new random token for the account {@code login} names (a login or any of its addresses): 43 characters of
     * base64url that carry 256 random bits. It is returned once and never stored as is.
     *
     * @throws IllegalStateException if there is no such user
     */
    default String createToken(String login) {
        return createToken(login, Optional.empty());
    }

    /**
     * A new random token as {@link #createToken(String)} makes, refused from {@code expires} on when given.
     *
     * @throws IllegalStateException if there is no such user
     */
    default String createToken(String login, Optional<Instant> expires) {
        Objects.requireNonNull(expires, "expires");
        // A fresh generator per token: tokens are made rarely, and no generator is shared between directories.
        String token = TokenSecrets.newToken(new SecureRandom());
        addToken(token, login, expires);
        return token;
    }

    /**
     * Accepts a token the host issued (an OAuth access token, say) for the account of {@code login} until it is
     * revoked; it does not expire. See {@link #addToken(String, String, Optional)}.
     *
     * @throws IllegalStateException if there is no such user, or the token belongs to another account already
     */
    default void addToken(String token, String login) {
        addToken(token, login, Optional.empty());
    }

    /**
     * Accepts a token the host issued for the account of {@code login} until it is revoked or, when given, until
     * {@code expires}. A token added twice is kept once, with its first id and creation time and the expiry given
     * last. An expiry that has passed already is kept as given: such a token verifies nothing. Removes every expired
     * token of the directory first; one transaction where the directory has them.
     *
     * @throws IllegalStateException if there is no such user, or the token belongs to another account already
     */
    void addToken(String token, String login, Optional<Instant> expires);

    /**
     * The tokens of the account {@code login} names, oldest first, expired ones included until they are removed;
     * empty for an unknown login.
     */
    List<TokenInfo> tokens(String login);

    /** Stops accepting {@code token}; whether it was accepted until now. */
    boolean revokeToken(String token);

    /** Stops accepting the token {@link TokenInfo#id()} names; whether there was one. */
    boolean revokeTokenId(String id);
}
