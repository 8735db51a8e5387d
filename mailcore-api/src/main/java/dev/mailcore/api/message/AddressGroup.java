/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.message;

import java.util.List;

/** A named group of mailboxes, such as {@code undisclosed-recipients:;} (which has no members). */
public record AddressGroup(String name, List<EmailAddress> members) implements Address {
    public AddressGroup {
        members = List.copyOf(members);
    }
}
