/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.search;

/** How {@link dev.mailcore.api.MessageSearch#threadUids} groups messages into threads (RFC 5256). */
public enum ThreadAlgorithm {
    /** Messages with the same base subject form one thread, the earliest sent is the parent of the others. */
    ORDERED_SUBJECT,
    /** Threads follow Message-ID, References and In-Reply-To, then threads with the same base subject are joined. */
    REFERENCES
}
