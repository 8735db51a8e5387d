/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.search;

/** What a {@link SortKey} orders by. */
public enum SortField {
    /** The received date (IMAP ARRIVAL, JMAP receivedAt). */
    ARRIVAL,
    /** The Date header; messages without one sort as if sent when received (RFC 5256). */
    DATE,
    SIZE,
    /** The base subject (RFC 5256 §2.1), compared case-insensitively. */
    SUBJECT,
    /** The first From address's mailbox (local part). */
    FROM,
    TO,
    CC,
    /** The first From display name, or its address when there is none (RFC 5957). */
    DISPLAY_FROM,
    DISPLAY_TO
}
