/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.BlobId;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Uploaded blobs (RFC 8620 §6.1) that are not yet part of an email, per account, kept for {@link #RETENTION}: an
 * upload becomes durable only when Email/import stores it as an email.
 */
public final class Uploads {
    /** RFC 8620 asks servers to keep an unused upload for at least an hour. */
    public static final Duration RETENTION = Duration.ofHours(1);

    /** One upload: its bytes, media type and when it expires. */
    public record Upload(byte[] content, String type, Instant expires) {}

    private final Clock clock;
    private final Map<AccountId, Map<BlobId, Upload>> byAccount = new ConcurrentHashMap<>();

    public Uploads(Clock clock) {
        this.clock = clock;
    }

    /** Keeps the bytes and returns their content-addressed id. */
    public BlobId put(AccountId account, byte[] content, String type) {
        Instant now = clock.instant();
        Map<BlobId, Upload> uploads = byAccount.computeIfAbsent(account, a -> new ConcurrentHashMap<>());
        uploads.values().removeIf(u -> u.expires().isBefore(now));
        BlobId id = BlobId.ofDigest(sha256(content));
        uploads.put(id, new Upload(content, type, now.plus(RETENTION)));
        return id;
    }

    public Optional<Upload> get(AccountId account, BlobId id) {
        Upload upload = byAccount.getOrDefault(account, Map.of()).get(id);
        if (upload == null || upload.expires().isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(upload);
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
