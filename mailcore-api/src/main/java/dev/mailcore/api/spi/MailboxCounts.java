/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.spi;

/**
 * Message counts of a mailbox.
 *
 * @param unseen memberships whose email lacks {@code $seen}
 * @param deleted memberships marked {@code \Deleted}
 * @param size sum of the email sizes
 */
public record MailboxCounts(long messages, long unseen, long deleted, long size) {
    public static final MailboxCounts ZERO = new MailboxCounts(0, 0, 0, 0);
}
