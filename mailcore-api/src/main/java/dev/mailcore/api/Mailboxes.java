/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

import java.util.List;
import java.util.Optional;

/**
 * Mailbox management: list, create, rename, delete, subscribe. An account's INBOX exists from its first use.
 *
 * <p>Names: a level of a path is 1–255 characters, has no {@code /}, no control characters, and is not {@code .}
 * or {@code ..}; {@code INBOX} is matched case-insensitively at the top level. Invalid names fail with
 * {@link ErrorReason#INVALID_NAME}.
 */
public interface Mailboxes {
    /** Every mailbox of the account, parents before children, siblings by sort order and then name. */
    List<Mailbox> list(AccountId account);

    Optional<Mailbox> get(AccountId account, MailboxId mailbox);

    /** The mailbox at a full path such as {@code Archive/2025}; {@code inbox} in any case names INBOX. */
    Optional<Mailbox> byPath(AccountId account, String path);

    /** Counters of one mailbox. @throws MailException {@link ErrorReason#MAILBOX_NOT_FOUND} */
    MailboxStatus status(AccountId account, MailboxId mailbox);

    /**
     * Thread counters of one mailbox. They cost a read of every message of the mailbox, so they are apart from
     * {@link #status}.
     *
     * @throws MailException {@link ErrorReason#MAILBOX_NOT_FOUND}
     */
    ThreadCounts threadCounts(AccountId account, MailboxId mailbox);

    /**
     * Creates a mailbox at a full path, creating missing parents as IMAP CREATE does.
     *
     * @param role the special use to give it, or null
     * @throws MailException {@link ErrorReason#ALREADY_EXISTS} if the path exists; {@link ErrorReason#INVALID_NAME};
     *     {@link ErrorReason#ALREADY_EXISTS} if another mailbox has the role
     */
    Mailbox create(AccountId account, String path, MailboxRole role);

    /**
     * Creates one mailbox below {@code parent} (null for the top level), as JMAP Mailbox/set create does.
     *
     * @throws MailException {@link ErrorReason#MAILBOX_NOT_FOUND} for an unknown parent; otherwise as {@link #create}
     */
    Mailbox createChild(AccountId account, MailboxId parent, String name, MailboxRole role);

    /**
     * Renames a mailbox to a new full path, creating missing parents; its children move with it. Renaming INBOX
     * moves its messages to a new mailbox at {@code newPath} and leaves INBOX empty (RFC 9051 §6.3.6).
     *
     * @throws MailException {@link ErrorReason#MAILBOX_NOT_FOUND}, {@link ErrorReason#ALREADY_EXISTS},
     *     {@link ErrorReason#INVALID_NAME}, {@link ErrorReason#CANNOT} when moving a mailbox below itself
     */
    Mailbox rename(AccountId account, MailboxId mailbox, String newPath);

    /** Applies a JMAP-style property update. @throws MailException as for {@link #rename} */
    Mailbox update(AccountId account, MailboxId mailbox, MailboxUpdate update);

    /**
     * Deletes a mailbox. Its messages leave it; an email left in no mailbox is destroyed.
     *
     * @param removeEmails false to refuse when the mailbox holds messages (JMAP {@code onDestroyRemoveEmails})
     * @throws MailException {@link ErrorReason#CANNOT} for INBOX; {@link ErrorReason#HAS_CHILDREN};
     *     {@link ErrorReason#MAILBOX_NOT_EMPTY}; {@link ErrorReason#MAILBOX_NOT_FOUND}
     */
    void delete(AccountId account, MailboxId mailbox, boolean removeEmails);

    /** Sets the subscription flag. @throws MailException {@link ErrorReason#MAILBOX_NOT_FOUND} */
    void setSubscribed(AccountId account, MailboxId mailbox, boolean subscribed);
}
