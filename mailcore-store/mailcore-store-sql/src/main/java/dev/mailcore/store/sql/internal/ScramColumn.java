/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql.internal;

import dev.mailcore.api.Account;
import dev.mailcore.api.spi.ScramCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** SCRAM-SHA-256 credentials as one column: {@code iterations$salt$storedKey$serverKey}, the last three base64. */
public final class ScramColumn {
    /** RFC 7677's recommended minimum; the Argon2id hash stays what guards the password at rest. */
    static final int ITERATIONS = 4096;

    private ScramColumn() {}

    /** The column value for a new password, with a fresh salt. */
    public static String of(char[] password, SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] salted = ScramCredentials.saltedPassword(password, salt, ITERATIONS);
        byte[] storedKey;
        try {
            storedKey = MessageDigest.getInstance("SHA-256")
                    .digest(ScramCredentials.hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        byte[] serverKey = ScramCredentials.hmac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII));
        Base64.Encoder b64 = Base64.getEncoder();
        return ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(storedKey) + "$"
                + b64.encodeToString(serverKey);
    }

    /** Whether {@code column} holds the keys of {@code password}: the check a SCRAM server makes, without a client. */
    public static boolean matches(String column, char[] password) {
        String[] parts = column.split("\\$");
        if (parts.length != 4) {
            return false;
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            byte[] salted = ScramCredentials.saltedPassword(password, b64.decode(parts[1]), Integer.parseInt(parts[0]));
            byte[] storedKey = MessageDigest.getInstance("SHA-256")
                    .digest(ScramCredentials.hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII)));
            return MessageDigest.isEqual(storedKey, b64.decode(parts[2]));
        } catch (IllegalArgumentException e) {
            return false; // a malformed column matches no password
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The credentials a column value holds for {@code account}. */
    public static ScramCredentials parse(Account account, String column) {
        String[] parts = column.split("\\$");
        if (parts.length != 4) {
            throw new IllegalStateException("malformed SCRAM column of account " + account.id());
        }
        Base64.Decoder b64 = Base64.getDecoder();
        return new ScramCredentials(
                account, b64.decode(parts[1]), Integer.parseInt(parts[0]), b64.decode(parts[2]), b64.decode(parts[3]));
    }
}
