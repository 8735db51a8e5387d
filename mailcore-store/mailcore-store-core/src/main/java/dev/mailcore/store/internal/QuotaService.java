/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.Quota;
import dev.mailcore.api.QuotaUsage;
import dev.mailcore.api.Quotas;
import dev.mailcore.api.spi.MetadataReader;
import dev.mailcore.api.spi.Usage;

/** {@link Quotas}: usage from the metadata store, limits from the directory. */
public final class QuotaService implements Quotas {
    private final Transactions transactions;
    private final QuotaGuard guard;

    public QuotaService(Transactions transactions, QuotaGuard guard) {
        this.transactions = transactions;
        this.guard = guard;
    }

    @Override
    public QuotaUsage usage(AccountId account) {
        Usage usage = transactions.read(account, MetadataReader::usage);
        Quota quota = guard.quota(account);
        return new QuotaUsage(usage.bytes(), quota.storageLimit(), usage.messages(), quota.messageLimit());
    }
}
