/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

import java.util.Objects;

/**
 * A mailbox of an account, as the services report it.
 *
 * <p>Mailboxes form a tree through {@link #parentId()}; {@link #path()} is the full name with {@code /} between the
 * levels, which is what IMAP shows. INBOX is always at the top level and always named {@code INBOX}.
 *
 * @param id stable id (IMAP MAILBOXID, JMAP id)
 * @param parentId the parent mailbox, or null at the top level
 * @param name this level's name, never containing {@code /}
 * @param path the full name from the top, levels joined by {@code /}
 * @param role the special use, or null
 * @param uidValidity IMAP UIDVALIDITY: a new value whenever a mailbox of this path is created again
 * @param uidNext the UID the next message added will get
 * @param highestModSeq the highest MODSEQ of any message change in this mailbox (CONDSTORE HIGHESTMODSEQ)
 * @param subscribed whether the user subscribed to it
 * @param sortOrder JMAP sortOrder
 */
public record Mailbox(
        MailboxId id,
        MailboxId parentId,
        String name,
        String path,
        MailboxRole role,
        long uidValidity,
        long uidNext,
        long highestModSeq,
        boolean subscribed,
        int sortOrder) {
    /** The hierarchy delimiter of mailbox paths. */
    public static final char DELIMITER = '/';

    /** The name of the one mailbox every account has. */
    public static final String INBOX = "INBOX";

    public Mailbox {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
    }

    public boolean isInbox() {
        return role == MailboxRole.INBOX;
    }
}
