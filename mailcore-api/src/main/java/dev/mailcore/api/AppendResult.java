/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

/** Where an appended message went: enough for IMAP APPENDUID (RFC 4315) and JMAP Email/import. */
public record AppendResult(
        MailboxId mailboxId,
        long uidValidity,
        long uid,
        EmailId emailId,
        ThreadId threadId,
        BlobId blobId,
        long size,
        long modSeq) {}
