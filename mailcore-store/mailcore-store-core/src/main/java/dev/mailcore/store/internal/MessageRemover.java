/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.ChangeKind;
import dev.mailcore.api.spi.EmailRecord;
import dev.mailcore.api.spi.MessageRecord;
import dev.mailcore.api.spi.MetadataTransaction;

/**
 * Takes a message out of a mailbox, and destroys its email when that was its last mailbox: the one place where
 * expunge, move, mailbox deletion and JMAP destroy meet. Blobs are left to the blob sweep, since other emails (of
 * this or other accounts) may share them.
 */
public final class MessageRemover {
    private final Indexer indexer;

    public MessageRemover(Indexer indexer) {
        this.indexer = indexer;
    }

    public void remove(AccountId account, MetadataTransaction tx, ChangeRecorder recorder, MessageRecord message) {
        long modSeq = recorder.modSeq();
        tx.deleteMessage(message.mailboxId(), message.uid(), modSeq);
        recorder.messageRemoved(message.mailboxId(), message.uid(), message.emailId());
        recorder.mailboxContent(message.mailboxId());
        EmailRecord email = tx.email(message.emailId())
                .orElseThrow(() -> new IllegalStateException("membership without email " + message.emailId()));
        if (tx.memberships(message.emailId()).isEmpty()) {
            tx.deleteEmail(email.id());
            tx.adjustUsage(-email.size(), -1);
            recorder.email(email.id(), email.threadId(), ChangeKind.DESTROYED);
            recorder.afterCommit(() -> indexer.remove(account, email.id()));
        } else {
            recorder.email(email.id(), email.threadId(), ChangeKind.UPDATED);
        }
    }
}
