/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql.internal;

import com.password4j.Argon2Function;
import com.password4j.HashingFunction;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Argon2id password hashes as PHC strings, with a random 16-byte salt and a 32-byte output. A check reads the
 * parameters from the stored hash, so hashes made with other parameters still verify.
 */
public final class PasswordHasher {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    /** Made at the first hash or check: the hashing library's set-up is a noticeable part of a start that needs none. */
    private volatile HashingFunction function;

    public PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    /** A new salted hash of {@code password}. */
    public String hash(char[] password) {
        byte[] bytes = utf8(password);
        try {
            return Password.hash(bytes)
                    .addRandomSalt(SALT_BYTES)
                    .with(function())
                    .getResult();
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Whether {@code password} matches {@code hash}; false for a hash this class cannot read. */
    public boolean verify(char[] password, String hash) {
        HashingFunction stored;
        try {
            stored = Argon2Function.getInstanceFromHash(hash);
        } catch (RuntimeException e) {
            // A corrupt credential must not authenticate anyone; it does not stop others from logging in either.
            return false;
        }
        byte[] bytes = utf8(password);
        try {
            return stored.check(bytes, hash.getBytes(StandardCharsets.UTF_8));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * Does the work of a check that fails, for a login that does not exist: a hash with the current parameters costs
     * what checking one costs. Made on demand rather than kept from construction, which would cost every start a hash.
     */
    public void verifyNothing(char[] password) {
        hash(password);
    }

    /**
     * Whether {@code hash} was made with this hasher's parameters, so hashing the same password again would not change
     * them. Read from the PHC string alone: {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}.
     */
    public boolean isCurrent(String hash) {
        String prefix = "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$";
        if (!hash.startsWith(prefix)) {
            return false;
        }
        String[] saltAndHash = hash.substring(prefix.length()).split("\\$");
        // Unpadded base64 of the output, as the library writes it.
        return saltAndHash.length == 2 && saltAndHash[1].length() == (HASH_BYTES * 4 + 2) / 3;
    }

    private HashingFunction function() {
        HashingFunction f = function;
        if (f == null) {
            f = Argon2Function.getInstance(memoryKib, iterations, parallelism, HASH_BYTES, Argon2.ID);
            function = f;
        }
        return f;
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        return bytes;
    }
}
