/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server;

/** The full-text index of a {@link MailServer}. */
public enum SearchKind {
    /** Lucene on disk, under the data directory's {@code index} folder. */
    LUCENE,
    /** Lucene in memory, rebuilt from the store on every start. */
    LUCENE_IN_MEMORY,
    /** No index: content criteria scan the messages; fine for small mailboxes and tests. */
    SCAN
}
