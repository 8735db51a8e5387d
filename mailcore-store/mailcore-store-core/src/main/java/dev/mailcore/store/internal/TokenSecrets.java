/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** How every {@code TokenIssuer} makes, names and keeps tokens, so a token means the same in each directory. */
public final class TokenSecrets {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private TokenSecrets() {}

    /** 256 random bits in base64url: 43 characters of RFC 6750's b64token syntax. */
    public static String newToken(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /** A public name for a token: {@code "t"} and 9 random bytes, unrelated to the token itself. */
    public static String newId(SecureRandom random) {
        byte[] bytes = new byte[9];
        random.nextBytes(bytes);
        return "t" + BASE64URL.encodeToString(bytes);
    }

    /**
     * The lowercase hex SHA-256 of the token's UTF-8 bytes, which is all that is kept of it. Unsalted and fast on
     * purpose: the tokens are random enough that a digest cannot be reversed by guessing, and verifying must stay
     * cheap because every request carries one; the digest also serves as the lookup key.
     */
    public static String digest(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
