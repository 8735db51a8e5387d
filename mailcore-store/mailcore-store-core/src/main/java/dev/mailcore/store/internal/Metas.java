/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import dev.mailcore.api.Flags;
import dev.mailcore.api.MessageMeta;
import dev.mailcore.api.spi.EmailRecord;
import dev.mailcore.api.spi.MessageRecord;

/** Joins a membership with its email into the API view. */
final class Metas {
    private Metas() {}

    static MessageMeta of(MessageRecord message, EmailRecord email) {
        return new MessageMeta(
                message.mailboxId(),
                message.uid(),
                email.id(),
                email.threadId(),
                email.blobId(),
                email.size(),
                email.receivedAt(),
                message.savedAt(),
                new Flags(email.keywords(), message.deleted()),
                message.modSeq());
    }
}
