/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

import java.io.InputStream;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One message to add to a mailbox.
 *
 * @param content the raw RFC 5322 message; the engine reads it to the end and closes it
 * @param keywords keywords to set (normalized by the engine)
 * @param receivedAt the IMAP internal date / JMAP receivedAt, or null for now
 */
public record AppendRequest(InputStream content, Set<String> keywords, Instant receivedAt) {
    public AppendRequest {
        Objects.requireNonNull(content, "content");
        keywords = Set.copyOf(keywords);
    }

    public static AppendRequest of(InputStream content) {
        return new AppendRequest(content, Set.of(), null);
    }
}
