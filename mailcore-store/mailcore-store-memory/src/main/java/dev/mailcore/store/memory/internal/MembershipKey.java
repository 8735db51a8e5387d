/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory.internal;

import dev.mailcore.api.MailboxId;

/** Where a membership lives: a mailbox and a UID there. */
record MembershipKey(MailboxId mailbox, long uid) {}
