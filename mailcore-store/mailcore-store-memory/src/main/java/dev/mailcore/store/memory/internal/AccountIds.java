/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory.internal;

import dev.mailcore.api.AccountId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * Derives account ids from primary addresses: {@code "a"} followed by the first 16 bytes of the SHA-256 of the
 * lowercase address in unpadded base64url, 23 characters. Deterministic (the same address gives the same id in
 * every run and every directory), always a valid id whatever the address holds, and reveals nothing readable.
 */
public final class AccountIds {
    private AccountIds() {}

    public static AccountId fromAddress(String address) {
        byte[] digest = sha256(address.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        return AccountId.of("a" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
