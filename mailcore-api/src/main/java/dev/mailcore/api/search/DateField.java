/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.search;

/** Which date of a message a date criterion compares. */
public enum DateField {
    /** When the server received the message (IMAP INTERNALDATE, JMAP receivedAt). */
    RECEIVED,
    /** The Date header (IMAP SENT*, JMAP sentAt); messages without one never match. */
    SENT,
    /** When the message was put into the searched mailbox (IMAP SAVEDATE, RFC 8514). */
    SAVED
}
