/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.spi;

import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailboxId;
import java.time.Instant;
import java.util.Objects;

/**
 * A membership: an email in a mailbox under a UID.
 *
 * @param modSeq the MODSEQ of the last change visible in this mailbox (keywords of the email, or the mark)
 * @param deleted the {@code \Deleted} mark, which belongs to this membership only
 * @param savedAt when the email was put into this mailbox (SAVEDATE)
 */
public record MessageRecord(
        MailboxId mailboxId, long uid, EmailId emailId, long modSeq, boolean deleted, Instant savedAt) {
    public MessageRecord {
        Objects.requireNonNull(mailboxId, "mailboxId");
        Objects.requireNonNull(emailId, "emailId");
        Objects.requireNonNull(savedAt, "savedAt");
    }

    public MessageRecord with(long newModSeq, boolean newDeleted) {
        return new MessageRecord(mailboxId, uid, emailId, newModSeq, newDeleted, savedAt);
    }
}
