/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store;

import dev.mailcore.api.spi.Directory;
import dev.mailcore.store.internal.TokenSecrets;
import java.security.SecureRandom;
import java.util.List;

/**
 * A {@link Directory} that issues and revokes the bearer tokens (API keys) it {@linkplain Directory#verifyToken
 * verifies}: JMAP takes them as {@code Authorization: Bearer}, IMAP and SMTP through OAUTHBEARER and XOAUTH2.
 *
 * <pre>{@code
 * String token = directory.createToken("alice@example.com");   // shown once: only its hash is kept
 * directory.tokens("alice@example.com");                        // [TokenInfo[id=t..., created=...]]
 * directory.revokeToken(token);                                 // or revokeTokenId(id) without the secret
 * }</pre>
 *
 * <p>Tokens are kept only as SHA-256 digests (see {@code TokenSecrets}), never as given. A plain hash is enough here, unlike
 * for passwords: a token this directory creates carries 256 random bits, so nobody can guess one from its digest,
 * and a slow hash would only slow down every request that presents one. Tokens given by the host ({@link #addToken})
 * should be as random. Revocation takes effect on the next request. All methods are safe from any thread.
 */
public interface TokenIssuer extends Directory {
    /**
     * A new random token for the account {@code login} names (a login or any of its addresses): 43 characters of
     * base64url that carry 256 random bits. It is returned once and never stored as is.
     *
     * @throws IllegalStateException if there is no such user
     */
    default String createToken(String login) {
        // A fresh generator per token: tokens are made rarely, and no generator is shared between directories.
        String token = TokenSecrets.newToken(new SecureRandom());
        addToken(token, login);
        return token;
    }

    /**
     * Accepts a token the host issued (an OAuth access token, say) for the account of {@code login} until it is
     * revoked; a token added twice is kept once.
     *
     * @throws IllegalStateException if there is no such user, or the token belongs to another account already
     */
    void addToken(String token, String login);

    /** The tokens of the account {@code login} names, oldest first; empty for an unknown login. */
    List<TokenInfo> tokens(String login);

    /** Stops accepting {@code token}; whether it was accepted until now. */
    boolean revokeToken(String token);

    /** Stops accepting the token {@link TokenInfo#id()} names; whether there was one. */
    boolean revokeTokenId(String id);
}
