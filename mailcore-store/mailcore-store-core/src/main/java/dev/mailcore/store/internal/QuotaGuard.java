/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import dev.mailcore.api.Account;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.api.Quota;
import dev.mailcore.api.spi.MetadataReader;
import dev.mailcore.api.spi.Usage;

/** Checks additions against the account's quota from the directory (no directory, no limit). */
public final class QuotaGuard {
    private final EngineContext context;

    public QuotaGuard(EngineContext context) {
        this.context = context;
    }

    public Quota quota(AccountId account) {
        if (context.directory() == null) {
            return Quota.UNLIMITED;
        }
        return context.directory().account(account).map(Account::quota).orElse(Quota.UNLIMITED);
    }

    /** Throws {@link ErrorReason#OVER_QUOTA} when adding {@code bytes} and {@code messages} would pass a limit. */
    public void check(Quota quota, MetadataReader reader, long bytes, long messages) {
        if (bytes == 0 && messages == 0) {
            return;
        }
        Usage usage = reader.usage();
        if (quota.storageLimit() >= 0 && usage.bytes() + bytes > quota.storageLimit()) {
            throw new MailException(ErrorReason.OVER_QUOTA, "mailbox full: storage quota exceeded");
        }
        if (quota.messageLimit() >= 0 && usage.messages() + messages > quota.messageLimit()) {
            throw new MailException(ErrorReason.OVER_QUOTA, "mailbox full: message quota exceeded");
        }
    }
}
