/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.spi.EmailRecord;
import dev.mailcore.api.spi.MessageRecord;
import dev.mailcore.api.spi.SearchDocument;
import dev.mailcore.api.spi.SearchMetadata;
import dev.mailcore.store.internal.mime.ExtractedMessage;
import dev.mailcore.store.internal.mime.MimeExtractor;
import dev.mailcore.store.internal.mime.SpooledMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Feeds the search index: documents made at ingest, or made again from the stored blob. With a queue, updates run on
 * the queue's thread in the order they were asked for, and {@link #awaitIndexed()} waits for them.
 */
public final class Indexer implements AutoCloseable {
    private final EngineContext context;
    private final MimeExtractor extractor;
    private final IndexQueue queue;
    /** Per account, the MODSEQs taken by transactions whose index updates are not queued yet. */
    private final Map<AccountId, ConcurrentSkipListSet<Long>> inFlight = new ConcurrentHashMap<>();

    /** @param queueCapacity how many updates may wait; 0 runs every update on the caller's thread */
    public Indexer(EngineContext context, MimeExtractor extractor, int queueCapacity) {
        this.context = context;
        this.extractor = extractor;
        this.queue = context.index() == null || queueCapacity == 0
                ? null
                : new IndexQueue(queueCapacity, "mailcore-search-indexer");
    }

    public void index(AccountId account, EmailId email, SearchDocument document) {
        if (context.index() != null) {
            run(() -> context.index().index(account, email, document));
        }
    }

    public void remove(AccountId account, EmailId email) {
        if (context.index() != null) {
            run(() -> context.index().remove(account, email));
        }
    }

    /** Extracts the document from the stored content again, for an email that shares content with another. */
    public void reindex(AccountId account, EmailRecord email) {
        if (context.index() != null) {
            run(() -> context.index().index(account, email.id(), extract(email)));
        }
    }

    /**
     * Sends the current keywords, mailboxes and other metadata of {@code emails} to an index that keeps them. The
     * values are read from the store when the update runs, not when it is asked for: two commits that change one
     * email may queue their updates in either order, and reading late makes the last update carry the latest state.
     */
    public void refreshMetadata(AccountId account, List<EmailId> emails) {
        if (context.index() != null && context.index().indexesMetadata() && !emails.isEmpty()) {
            List<EmailId> ids = List.copyOf(emails);
            run(() -> sendMetadata(account, ids));
        }
    }

    private void sendMetadata(AccountId account, List<EmailId> ids) {
        Map<EmailId, SearchMetadata> current = context.metadata().read(account, r -> {
            Map<EmailId, SearchMetadata> out = new LinkedHashMap<>();
            for (EmailRecord email : r.emails(ids).values()) {
                Set<MailboxId> mailboxes = new HashSet<>();
                for (MessageRecord membership : r.memberships(email.id())) {
                    mailboxes.add(membership.mailboxId());
                }
                out.put(email.id(), metadata(email, mailboxes));
            }
            return out;
        });
        current.forEach((id, metadata) -> context.index().updateMetadata(account, id, metadata));
    }

    private static SearchMetadata metadata(EmailRecord email, Set<MailboxId> mailboxes) {
        return new SearchMetadata(
                email.keywords(),
                mailboxes,
                email.receivedAt(),
                email.summary().sentAt(),
                email.size(),
                email.threadId());
    }

    /** A transaction of the account took {@code modSeq}; its index updates are not queued yet. */
    public void begun(AccountId account, long modSeq) {
        if (context.index() != null) {
            inFlight.computeIfAbsent(account, a -> new ConcurrentSkipListSet<>())
                    .add(modSeq);
        }
    }

    /**
     * The transaction that took {@code modSeq} committed (and queued its index updates) or rolled back. After a
     * commit the index is told, behind those updates, the highest MODSEQ below which no transaction is still open:
     * every change up to it is then in the index. MODSEQs are taken in order under the store's lock on the account,
     * so a lower one not open any more has queued its updates already.
     */
    public void ended(AccountId account, long modSeq, boolean committed) {
        if (context.index() == null) {
            return;
        }
        ConcurrentSkipListSet<Long> open = inFlight.get(account);
        if (open != null) {
            open.remove(modSeq);
        }
        if (committed) {
            Long lowestOpen = open == null ? null : open.ceiling(Long.MIN_VALUE);
            long upTo = lowestOpen == null ? modSeq : Math.min(modSeq, lowestOpen - 1);
            run(() -> context.index().appliedUpTo(account, upTo));
        }
    }

    /** Tells the index, behind every update queued so far, that it holds the account up to {@code modSeq}. */
    public void appliedUpTo(AccountId account, long modSeq) {
        if (context.index() != null) {
            run(() -> context.index().appliedUpTo(account, modSeq));
        }
    }

    /** Returns once every update asked for before this call is in the index. */
    public void awaitIndexed() {
        if (queue != null) {
            queue.awaitDone();
        }
    }

    /** Runs the updates still queued and stops the queue's thread. */
    @Override
    public void close() {
        if (queue != null) {
            queue.close();
        }
    }

    private void run(Runnable update) {
        if (queue == null) {
            update.run();
        } else {
            queue.submit(update);
        }
    }

    private SearchDocument extract(EmailRecord email) {
        try (InputStream in = context.blobs().open(email.blobId());
                SpooledMessage spooled =
                        SpooledMessage.spool(in, Long.MAX_VALUE, context.spoolThreshold(), context.spoolDirectory())) {
            ExtractedMessage extracted = extractor.extract(spooled);
            return extracted.document();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
