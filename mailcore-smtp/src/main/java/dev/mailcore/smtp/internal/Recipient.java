/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp.internal;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.OutboundRecipient;

/**
 * An accepted recipient: the address as the client gave it, with its DSN parameters, and the local account it
 * resolved to; {@code account} is null for a recipient that is not local (queued for relay, or only captured).
 */
public record Recipient(OutboundRecipient parameters, AccountId account) {
    public String address() {
        return parameters.address();
    }

    public boolean isLocal() {
        return account != null;
    }
}
