/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server;

/** Where a {@link MailServer} keeps metadata, the directory and message content. */
public enum StoreKind {
    /** Everything in memory, gone on close: tests and demos. */
    MEMORY,
    /** Embedded H2 and message files under the data directory. */
    H2,
    /** PostgreSQL by JDBC URL; message files under the data directory. */
    POSTGRES
}
