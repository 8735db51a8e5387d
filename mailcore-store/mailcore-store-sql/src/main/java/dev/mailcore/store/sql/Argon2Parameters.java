/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql;

/**
 * The cost of the Argon2id password hashes a {@link SqlDirectory} makes: memory in KiB, passes over it, and lanes.
 * Every hash also gets a random 16-byte salt and is 32 bytes long. A stored hash keeps its own parameters (it is a
 * PHC string such as {@code $argon2id$v=19$m=19456,t=2,p=1$...}), so changing them affects new passwords only and
 * every old one still verifies.
 *
 * <pre>{@code
 * SqlDirectory directory = SqlDirectory.builder(store).argon2(Argon2Parameters.DEFAULT).build();
 * SqlDirectory forTests = SqlDirectory.builder(store).argon2(Argon2Parameters.FAST_FOR_TESTS).build();
 * }</pre>
 *
 * @param memoryKib memory per hash in KiB, at least {@code 8 * parallelism}
 * @param iterations passes over the memory, at least 1
 * @param parallelism lanes, at least 1
 */
public record Argon2Parameters(int memoryKib, int iterations, int parallelism) {
    /** OWASP's recommended minimum for Argon2id (19 MiB, 2 passes, 1 lane): some tens of milliseconds per check. */
    public static final Argon2Parameters DEFAULT = new Argon2Parameters(19_456, 2, 1);

    /** Cheap hashes (64 KiB, 1 pass) for tests that add and authenticate many users; never for real passwords. */
    public static final Argon2Parameters FAST_FOR_TESTS = new Argon2Parameters(64, 1, 1);

    public Argon2Parameters {
        if (parallelism < 1 || iterations < 1) {
            throw new IllegalArgumentException(
                    "iterations and parallelism must be positive: " + iterations + ", " + parallelism);
        }
        if (memoryKib < 8 * parallelism) {
            throw new IllegalArgumentException(
                    "memoryKib must be at least 8 * parallelism (" + 8 * parallelism + "): " + memoryKib);
        }
    }
}
