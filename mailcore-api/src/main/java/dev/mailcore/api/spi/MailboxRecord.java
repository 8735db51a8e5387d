/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.spi;

import dev.mailcore.api.MailboxId;
import dev.mailcore.api.MailboxRole;
import java.util.Objects;

/**
 * A mailbox's stored properties (its counters live apart, in {@link MailboxState}).
 *
 * @param parentId null at the top level
 * @param role null when the mailbox has none
 */
public record MailboxRecord(
        MailboxId id,
        MailboxId parentId,
        String name,
        MailboxRole role,
        long uidValidity,
        boolean subscribed,
        int sortOrder) {
    public MailboxRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
