/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.ChangeKind;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.UidSet;
import dev.mailcore.api.spi.EmailRecord;
import dev.mailcore.api.spi.MessageRecord;
import dev.mailcore.api.spi.MetadataTransaction;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Copies and moves messages between mailboxes of an account. A copy adds the destination to the same email (one
 * email, several mailboxes, as JMAP models it), except when the email is already there: then the destination gets a
 * new email sharing the content, because IMAP promises a new message for every COPY.
 */
public final class MessageMover {
    private final EngineContext context;
    private final MessageRemover remover;
    private final Indexer indexer;
    private final QuotaGuard quotas;

    public MessageMover(EngineContext context, MessageRemover remover, Indexer indexer, QuotaGuard quotas) {
        this.context = context;
        this.remover = remover;
        this.indexer = indexer;
        this.quotas = quotas;
    }

    /** Copies {@code sources} (in UID order) to {@code destination}; returns the new UIDs in the same order. */
    public long[] copy(
            AccountId account,
            MetadataTransaction tx,
            ChangeRecorder recorder,
            List<MessageRecord> sources,
            MailboxId destination) {
        if (sources.isEmpty()) {
            return new long[0];
        }
        checkQuota(account, tx, sources, destination);
        long modSeq = recorder.modSeq();
        long first = tx.allocateUids(destination, sources.size());
        Instant now = context.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        long[] uids = new long[sources.size()];
        for (int i = 0; i < sources.size(); i++) {
            MessageRecord source = sources.get(i);
            EmailId emailId = alreadyIn(tx, source.emailId(), destination)
                    ? duplicate(tx, recorder, source.emailId(), modSeq)
                    : source.emailId();
            EmailRecord email = tx.email(emailId).orElseThrow();
            uids[i] = first + i;
            tx.insertMessage(new MessageRecord(destination, uids[i], emailId, modSeq, source.deleted(), now));
            recorder.email(emailId, email.threadId(), ChangeKind.UPDATED);
        }
        recorder.mailboxContent(destination);
        return uids;
    }

    /** Moves {@code sources} to {@code destination} and returns the new UIDs. */
    public long[] move(
            AccountId account,
            MetadataTransaction tx,
            ChangeRecorder recorder,
            List<MessageRecord> sources,
            MailboxId destination) {
        long[] uids = copy(account, tx, recorder, sources, destination);
        for (MessageRecord source : sources) {
            remover.remove(account, tx, recorder, source);
        }
        return uids;
    }

    /** Moves every message of a mailbox. */
    public void moveAll(
            AccountId account, MetadataTransaction tx, ChangeRecorder recorder, MailboxId from, MailboxId to) {
        move(account, tx, recorder, tx.messages(from, UidSet.all(), 0), to);
    }

    private void checkQuota(
            AccountId account, MetadataTransaction tx, List<MessageRecord> sources, MailboxId destination) {
        long bytes = 0;
        long count = 0;
        for (MessageRecord source : sources) {
            if (alreadyIn(tx, source.emailId(), destination)) {
                bytes += tx.email(source.emailId()).map(EmailRecord::size).orElse(0L);
                count++;
            }
        }
        if (count > 0) {
            // Only copies that make new emails add usage; the usual copy asks the directory nothing.
            quotas.check(quotas.quota(account), tx, bytes, count);
        }
    }

    private static boolean alreadyIn(MetadataTransaction tx, EmailId email, MailboxId mailbox) {
        for (MessageRecord membership : tx.memberships(email)) {
            if (membership.mailboxId().equals(mailbox)) {
                return true;
            }
        }
        return false;
    }

    private EmailId duplicate(MetadataTransaction tx, ChangeRecorder recorder, EmailId original, long modSeq) {
        EmailRecord source = tx.email(original).orElseThrow();
        EmailRecord copy = new EmailRecord(
                context.ids().newEmailId(),
                source.threadId(),
                source.blobId(),
                source.size(),
                source.receivedAt(),
                source.keywords(),
                source.summary(),
                modSeq);
        tx.insertEmail(copy);
        tx.adjustUsage(copy.size(), 1);
        recorder.email(copy.id(), copy.threadId(), ChangeKind.CREATED);
        recorder.indexAfterCommit(copy.id(), indexer.storedText(copy));
        return copy.id();
    }
}
