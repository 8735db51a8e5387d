/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory.internal;

/** A stored password: salt, work factor and derived key of {@link PasswordHasher}. Never the password itself. */
public final class PasswordHash {
    private final byte[] salt;
    private final int iterations;
    private final byte[] hash;

    PasswordHash(byte[] salt, int iterations, byte[] hash) {
        this.salt = salt.clone();
        this.iterations = iterations;
        this.hash = hash.clone();
    }

    byte[] salt() {
        return salt.clone();
    }

    int iterations() {
        return iterations;
    }

    byte[] hash() {
        return hash.clone();
    }
}
