/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

import java.time.Instant;

/**
 * A message as one mailbox holds it: the membership (UID, MODSEQ, {@code \Deleted}, save date) joined with the
 * email's metadata. What IMAP FETCH FLAGS/UID/INTERNALDATE/RFC822.SIZE/MODSEQ/EMAILID/THREADID/SAVEDATE needs,
 * without the content summary (see {@link Messages#summaries}).
 */
public record MessageMeta(
        MailboxId mailboxId,
        long uid,
        EmailId emailId,
        ThreadId threadId,
        BlobId blobId,
        long size,
        Instant receivedAt,
        Instant savedAt,
        Flags flags,
        long modSeq) {}
