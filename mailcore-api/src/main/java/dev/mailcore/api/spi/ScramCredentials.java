/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.spi;

import dev.mailcore.api.Account;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a directory keeps so a client can authenticate with SCRAM-SHA-256 (RFC 5802, RFC 7677) without the server
 * ever seeing the password: the salt and iteration count the client derives its key with, and the two keys the
 * server checks the client's proof and signs its answer with.
 *
 * <pre>{@code
 * byte[] salted = pbkdf2HmacSha256(password, salt, iterations);   // SCRAM's SaltedPassword
 * ScramCredentials scram = ScramCredentials.fromSaltedPassword(account, salt, iterations, salted);
 * }</pre>
 *
 * @param account the account the credentials belong to
 * @param salt the salt
 * @param iterations the PBKDF2 iteration count
 * @param storedKey {@code SHA-256(HMAC(SaltedPassword, "Client Key"))}
 * @param serverKey {@code HMAC(SaltedPassword, "Server Key")}
 */
public record ScramCredentials(Account account, byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {
    public ScramCredentials {
        Objects.requireNonNull(account, "account");
        salt = salt.clone();
        storedKey = storedKey.clone();
        serverKey = serverKey.clone();
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] storedKey() {
        return storedKey.clone();
    }

    @Override
    public byte[] serverKey() {
        return serverKey.clone();
    }

    /** The credentials for a SaltedPassword, the PBKDF2-HMAC-SHA-256 of the password (32 bytes). */
    public static ScramCredentials fromSaltedPassword(
            Account account, byte[] salt, int iterations, byte[] saltedPassword) {
        try {
            byte[] clientKey = hmac(saltedPassword, "Client Key".getBytes(StandardCharsets.US_ASCII));
            byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
            byte[] serverKey = hmac(saltedPassword, "Server Key".getBytes(StandardCharsets.US_ASCII));
            return new ScramCredentials(account, salt, iterations, storedKey, serverKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** SCRAM's SaltedPassword: PBKDF2-HMAC-SHA-256 of the password's UTF-8 bytes, 32 bytes long. */
    public static byte[] saltedPassword(char[] password, byte[] salt, int iterations) {
        javax.crypto.spec.PBEKeySpec spec = new javax.crypto.spec.PBEKeySpec(password, salt, iterations, 256);
        try {
            return javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** HMAC-SHA-256, the HMAC of SCRAM-SHA-256. */
    public static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
