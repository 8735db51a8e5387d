/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

import java.util.HexFormat;

/**
 * The address of immutable content: the lowercase hex SHA-256 of its bytes. The same bytes always have the same
 * id, which is what lets blob stores deduplicate.
 */
public record BlobId(String value) implements Comparable<BlobId> {
    private static final int HEX_LENGTH = 64;

    public BlobId {
        if (value == null || value.length() != HEX_LENGTH) {
            throw new MailException(ErrorReason.INVALID_ARGUMENT, "blob id must be 64 lowercase hex digits");
        }
        for (int i = 0; i < HEX_LENGTH; i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw new MailException(ErrorReason.INVALID_ARGUMENT, "blob id must be 64 lowercase hex digits");
            }
        }
    }

    public static BlobId of(String value) {
        return new BlobId(value);
    }

    /** The id of content whose SHA-256 digest is {@code sha256}. */
    public static BlobId ofDigest(byte[] sha256) {
        if (sha256.length != 32) {
            throw new IllegalArgumentException("a SHA-256 digest has 32 bytes, not " + sha256.length);
        }
        return new BlobId(HexFormat.of().formatHex(sha256));
    }

    @Override
    public int compareTo(BlobId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
