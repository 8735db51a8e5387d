/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import dev.mailcore.api.MailboxId;
import dev.mailcore.api.spi.EmailRecord;
import dev.mailcore.api.spi.MessageRecord;
import java.util.Set;

/**
 * One thing a search looks at: an email, and — in a mailbox search — its membership there.
 *
 * @param email the email; null only where the index answered a mailbox search whose caller needs no more than UIDs
 * @param membership the membership in the searched mailbox, or null in an account-wide search
 * @param mailboxes every mailbox the email is in (computed only when a criterion needs it, else null)
 */
record SearchCandidate(EmailRecord email, MessageRecord membership, Set<MailboxId> mailboxes) {}
