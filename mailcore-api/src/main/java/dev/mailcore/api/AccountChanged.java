/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

import java.util.Set;

/**
 * Published on the event bus after a change to an account is durable. Listeners (IMAP IDLE, JMAP push, DAV sync)
 * read what changed from the store; the event only says where to look. Delivery is at-least-once and events of one
 * account arrive in MODSEQ order per publisher, so a listener compares {@link #modSeq()} with what it has seen.
 *
 * @param mailboxes the mailboxes whose messages or properties changed
 * @param mailboxesChanged whether the set of mailboxes or their properties changed (JMAP Mailbox state)
 * @param emailsChanged whether any email changed (JMAP Email and Thread state)
 */
public record AccountChanged(
        AccountId account, long modSeq, Set<MailboxId> mailboxes, boolean mailboxesChanged, boolean emailsChanged) {
    public AccountChanged {
        mailboxes = Set.copyOf(mailboxes);
    }
}
