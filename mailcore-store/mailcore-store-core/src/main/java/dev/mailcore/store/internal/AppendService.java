/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.AppendRequest;
import dev.mailcore.api.AppendResult;
import dev.mailcore.api.BlobId;
import dev.mailcore.api.ChangeKind;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.Keywords;
import dev.mailcore.api.MailException;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.Quota;
import dev.mailcore.api.ThreadId;
import dev.mailcore.api.spi.EmailRecord;
import dev.mailcore.api.spi.MailboxRecord;
import dev.mailcore.api.spi.MessageRecord;
import dev.mailcore.store.internal.mime.ExtractedMessage;
import dev.mailcore.store.internal.mime.MimeExtractor;
import dev.mailcore.store.internal.mime.SpooledMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Adds messages: spool, extract the structure, store the blob durably, then record everything in one metadata
 * transaction, and index after the commit. The blob is written before the transaction, so a crash in between
 * leaves at worst an unreferenced blob for the sweep, never a row without its content.
 */
public final class AppendService {
    private final EngineContext context;
    private final Transactions transactions;
    private final MimeExtractor extractor;
    private final Threader threader;
    private final QuotaGuard quotas;

    public AppendService(
            EngineContext context,
            Transactions transactions,
            MimeExtractor extractor,
            Threader threader,
            QuotaGuard quotas) {
        this.context = context;
        this.transactions = transactions;
        this.extractor = extractor;
        this.threader = threader;
        this.quotas = quotas;
    }

    private record Prepared(
            ExtractedMessage extracted, BlobId blobId, long size, Set<String> keywords, Instant receivedAt) {}

    public List<AppendResult> appendAll(AccountId account, MailboxId mailbox, List<AppendRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        List<Prepared> prepared = new ArrayList<>(requests.size());
        try {
            for (AppendRequest request : requests) {
                prepared.add(prepare(request));
            }
        } finally {
            closeAll(requests);
        }
        Quota quota = quotas.quota(account);
        return transactions.write(account, (tx, recorder) -> {
            MailboxRecord target = tx.mailbox(mailbox).orElseThrow(() -> MailboxService.notFound(mailbox));
            long bytes = prepared.stream().mapToLong(Prepared::size).sum();
            quotas.check(quota, tx, bytes, prepared.size());
            long modSeq = recorder.modSeq();
            long first = tx.allocateUids(mailbox, prepared.size());
            Instant now = context.clock().instant().truncatedTo(ChronoUnit.SECONDS);
            List<AppendResult> results = new ArrayList<>(prepared.size());
            for (int i = 0; i < prepared.size(); i++) {
                Prepared p = prepared.get(i);
                ThreadId thread = threader.assign(tx, p.extracted().summary());
                EmailId emailId = context.ids().newEmailId();
                Instant received = p.receivedAt() == null ? now : p.receivedAt().truncatedTo(ChronoUnit.SECONDS);
                tx.insertEmail(new EmailRecord(
                        emailId,
                        thread,
                        p.blobId(),
                        p.size(),
                        received,
                        p.keywords(),
                        p.extracted().summary(),
                        modSeq));
                long uid = first + i;
                tx.insertMessage(new MessageRecord(mailbox, uid, emailId, modSeq, false, now));
                recorder.email(emailId, thread, ChangeKind.CREATED);
                recorder.indexAfterCommit(emailId, p.extracted()::document);
                results.add(new AppendResult(
                        mailbox, target.uidValidity(), uid, emailId, thread, p.blobId(), p.size(), modSeq));
            }
            tx.adjustUsage(bytes, prepared.size());
            recorder.mailboxContent(mailbox);
            return results;
        });
    }

    private Prepared prepare(AppendRequest request) {
        Set<String> keywords = Keywords.normalizeAll(request.keywords());
        try (SpooledMessage spooled = SpooledMessage.spool(
                request.content(), context.maxMessageSize(), context.spoolThreshold(), context.spoolDirectory())) {
            ExtractedMessage extracted = extractor.extract(spooled);
            BlobId stored;
            try (InputStream in = spooled.open()) {
                stored = context.blobs().put(in);
            }
            if (!stored.equals(spooled.blobId())) {
                throw new MailException(ErrorReason.CORRUPTION, "blob store returned a different id for the content");
            }
            return new Prepared(extracted, stored, spooled.size(), keywords, request.receivedAt());
        } catch (IOException e) {
            throw new MailException(ErrorReason.UNAVAILABLE, "could not store the message", e);
        }
    }

    private static void closeAll(List<AppendRequest> requests) {
        for (AppendRequest request : requests) {
            try {
                request.content().close();
            } catch (IOException ignored) {
                // The content was read already (or its reading failed and that failure is what the caller sees).
            }
        }
    }
}
