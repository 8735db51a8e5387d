/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.blob;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.MailException;
import dev.mailcore.jmap.internal.BlobReader;
import dev.mailcore.jmap.internal.BlobRef;
import dev.mailcore.jmap.internal.Invocation;
import dev.mailcore.jmap.internal.JmapMethod;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** The methods of JMAP Blob Management (RFC 9404): Blob/upload, Blob/get and Blob/lookup. */
public final class BlobMethods {
    /** How many data sources one Blob/upload creation may join. */
    public static final int MAX_DATA_SOURCES = 64;

    /** The object types Blob/lookup can name, and the digests Blob/get computes. */
    public static final List<String> TYPE_NAMES = List.of("Mailbox", "Thread", "Email");

    public static final List<String> DIGEST_ALGORITHMS = List.of("sha", "sha-256");

    private BlobMethods() {}

    public static List<JmapMethod> all(BlobReader blobs) {
        return List.of(new BlobUpload(blobs), new BlobGet(blobs), new BlobLookup());
    }

    /** The id with a {@code #creationId} resolved, or null for a creation id the request has not made. */
    static String resolve(Invocation invocation, String id) {
        if (id != null && id.startsWith("#")) {
            return invocation.createdIds().get(id.substring(1));
        }
        return id;
    }

    /** The whole blob, or empty when the account has no blob of that id. */
    static Optional<byte[]> read(BlobReader blobs, AccountId account, String id) {
        Optional<BlobRef> ref = BlobRef.parse(id);
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        Optional<InputStream> in;
        try {
            in = blobs.open(account, ref.get());
        } catch (MailException e) {
            return Optional.empty();
        }
        if (in.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream stream = in.get()) {
            return Optional.of(stream.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
