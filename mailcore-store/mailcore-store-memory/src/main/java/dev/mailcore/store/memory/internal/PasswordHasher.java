/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted PBKDF2-HMAC-SHA256 password hashes, from the JDK alone. Verification compares in constant time, and
 * {@link #verifyNothing} spends the same work for a login that does not exist, so timing does not tell which logins
 * do.
 */
public final class PasswordHasher {
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();
    private final PasswordHash decoy;

    public PasswordHasher(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
        this.iterations = iterations;
        // Random bytes no password derives to in practice; verifying against them costs what a real check costs.
        this.decoy = new PasswordHash(randomBytes(SALT_BYTES), iterations, randomBytes(KEY_BITS / 8));
    }

    public PasswordHash hash(char[] password) {
        byte[] salt = randomBytes(SALT_BYTES);
        return new PasswordHash(salt, iterations, derive(password, salt, iterations));
    }

    public boolean verify(char[] password, PasswordHash stored) {
        byte[] actual = derive(password, stored.salt(), stored.iterations());
        return MessageDigest.isEqual(actual, stored.hash());
    }

    /** Does the work of {@link #verify} for a login that has no hash; always false. */
    public boolean verifyNothing(char[] password) {
        verify(password, decoy);
        return false;
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        } finally {
            spec.clearPassword();
        }
    }

    private byte[] randomBytes(int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }
}
