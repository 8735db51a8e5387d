/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

import java.util.Objects;

/**
 * One entry of an account's change log. Every operation that changes an account takes one new MODSEQ and writes
 * the entries it caused under it; IMAP CONDSTORE/QRESYNC, JMAP {@code /changes} and DAV sync read them back with
 * {@link Changes#since}.
 */
public sealed interface Change {
    /** The MODSEQ of the operation that made this change. */
    long modSeq();

    /** A mailbox was created, changed (name, parent, role, subscription, counts) or destroyed. */
    record MailboxChanged(long modSeq, MailboxId mailboxId, ChangeKind kind) implements Change {
        public MailboxChanged {
            Objects.requireNonNull(mailboxId, "mailboxId");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** An email was created, changed (keywords, mailboxes) or destroyed. */
    record EmailChanged(long modSeq, EmailId emailId, ThreadId threadId, ChangeKind kind) implements Change {
        public EmailChanged {
            Objects.requireNonNull(emailId, "emailId");
            Objects.requireNonNull(threadId, "threadId");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** A message left a mailbox: its UID there is gone for good (QRESYNC VANISHED). */
    record MessageRemoved(long modSeq, MailboxId mailboxId, long uid, EmailId emailId) implements Change {
        public MessageRemoved {
            Objects.requireNonNull(mailboxId, "mailboxId");
            Objects.requireNonNull(emailId, "emailId");
        }
    }
}
