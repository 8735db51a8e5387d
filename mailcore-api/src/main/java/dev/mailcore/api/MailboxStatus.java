/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

/**
 * Counters of one mailbox, for IMAP STATUS and SELECT and JMAP Mailbox/get; cheap to read.
 *
 * @param mailbox the mailbox with its UIDVALIDITY, UIDNEXT and HIGHESTMODSEQ
 * @param messages how many messages it holds
 * @param unseen how many of them lack {@code $seen}
 * @param deleted how many are marked {@code \Deleted}
 * @param size the sum of their sizes in octets (STATUS=SIZE)
 */
public record MailboxStatus(Mailbox mailbox, long messages, long unseen, long deleted, long size) {}
