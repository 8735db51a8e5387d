/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net;

/** How a listener uses TLS. */
public enum TlsMode {
    /** Plaintext only. */
    NONE,
    /** Plaintext first; the protocol upgrades with STARTTLS. */
    STARTTLS,
    /** TLS from the first byte (IMAPS, SMTPS, POP3S). */
    IMPLICIT
}
