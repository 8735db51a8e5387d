/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.spi;

/** The counters a mailbox keeps as messages come and go. */
public record MailboxState(long uidNext, long highestModSeq) {}
