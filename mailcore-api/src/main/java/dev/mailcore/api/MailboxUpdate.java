/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

import java.util.Optional;

/**
 * A change to a mailbox's properties, as JMAP Mailbox/set expresses it; an empty optional leaves the property
 * alone. {@code parentId} holds an optional of an optional: {@code Optional.of(Optional.empty())} moves the mailbox
 * to the top level.
 */
public record MailboxUpdate(
        Optional<String> name,
        Optional<Optional<MailboxId>> parentId,
        Optional<Optional<MailboxRole>> role,
        Optional<Integer> sortOrder,
        Optional<Boolean> subscribed) {
    public static final MailboxUpdate NONE =
            new MailboxUpdate(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public MailboxUpdate withName(String value) {
        return new MailboxUpdate(Optional.of(value), parentId, role, sortOrder, subscribed);
    }

    public MailboxUpdate withParent(MailboxId value) {
        return new MailboxUpdate(name, Optional.of(Optional.ofNullable(value)), role, sortOrder, subscribed);
    }

    public MailboxUpdate withRole(MailboxRole value) {
        return new MailboxUpdate(name, parentId, Optional.of(Optional.ofNullable(value)), sortOrder, subscribed);
    }

    public MailboxUpdate withSortOrder(int value) {
        return new MailboxUpdate(name, parentId, role, Optional.of(value), subscribed);
    }

    public MailboxUpdate withSubscribed(boolean value) {
        return new MailboxUpdate(name, parentId, role, sortOrder, Optional.of(value));
    }
}
