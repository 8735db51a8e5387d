/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.Contents;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.api.spi.EmailRecord;
import java.io.InputStream;

/** {@link Contents}: looks the email up in the account (so ids never cross accounts), then streams its blob. */
public final class ContentService implements Contents {
    private final EngineContext context;
    private final Transactions transactions;

    public ContentService(EngineContext context, Transactions transactions) {
        this.context = context;
        this.transactions = transactions;
    }

    @Override
    public InputStream open(AccountId account, EmailId email) {
        return context.blobs().open(record(account, email).blobId());
    }

    @Override
    public InputStream open(AccountId account, EmailId email, long offset, long length) {
        if (offset < 0 || length < 0) {
            throw new MailException(ErrorReason.INVALID_ARGUMENT, "offset and length must not be negative");
        }
        return context.blobs().open(record(account, email).blobId(), offset, length);
    }

    private EmailRecord record(AccountId account, EmailId email) {
        return transactions.read(account, r -> r.email(email)).orElseThrow(() -> MessageService.emailNotFound(email));
    }
}
