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
import dev.mailcore.api.spi.SearchIndex;
import dev.mailcore.api.spi.SearchMetadata;
import dev.mailcore.store.internal.mime.ExtractedMessage;
import dev.mailcore.store.internal.mime.MimeExtractor;
import dev.mailcore.store.internal.mime.SpooledMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Supplier;

/**
 * Feeds the search index: documents made at ingest, or made again from the stored blob. With a queue, updates run on
 * the queue's thread in the order they were asked for, and {@link #awaitIndexed()} waits for them.
 */
public final class Indexer implements AutoCloseable {
    /** Emails per update of a reindex: one metadata read for each batch, and few queue entries. */
    private static final int REINDEX_BATCH = 256;

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

    public void remove(AccountId account, EmailId email) {
        if (context.index() != null) {
            run(() -> context.index().remove(account, email));
        }
    }

    /**
     * Indexes the texts of {@code emails} (replacing earlier documents of them). An index that keeps metadata gets
     * each text with the email's metadata in one write, the metadata read from the store when the update runs (as
     * {@link #refreshMetadata} does, and for the same reason); an email gone by then is not indexed.
     */
    public void index(AccountId account, Map<EmailId, Supplier<SearchDocument>> emails) {
        if (context.index() != null && !emails.isEmpty()) {
            Map<EmailId, Supplier<SearchDocument>> texts = new LinkedHashMap<>(emails);
            run(() -> write(account, texts));
        }
    }

    /** Indexes every email of {@code emails} again from its stored content, with its metadata. */
    public void reindex(AccountId account, List<EmailRecord> emails) {
        for (int from = 0; from < emails.size(); from += REINDEX_BATCH) {
            Map<EmailId, Supplier<SearchDocument>> texts = new LinkedHashMap<>();
            for (EmailRecord email : emails.subList(from, Math.min(from + REINDEX_BATCH, emails.size()))) {
                texts.put(email.id(), storedText(email));
            }
            index(account, texts);
        }
    }

    /** The email's text extracted again from its stored content, when called. */
    public Supplier<SearchDocument> storedText(EmailRecord email) {
        return () -> extract(email);
    }

    /**
     * Sends the current keywords, mailboxes and other metadata of {@code emails} to an index that keeps them. The
     * values are read from the store when the update runs, not when it is asked for: two commits that change one
     * email may queue their updates in either order, and reading late makes the last update carry the latest state.
     */
    public void refreshMetadata(AccountId account, List<EmailId> emails) {
        if (context.index() != null && context.index().indexesMetadata() && !emails.isEmpty()) {
            List<EmailId> ids = List.copyOf(emails);
            run(() -> currentMetadata(account, ids)
                    .forEach((id, metadata) -> context.index().updateMetadata(account, id, metadata)));
        }
    }

    /** One email whose text cannot be read does not keep the others from the index; the first failure is thrown. */
    private void write(AccountId account, Map<EmailId, Supplier<SearchDocument>> texts) {
        SearchIndex index = context.index();
        Map<EmailId, SearchMetadata> metadata =
                index.indexesMetadata() ? currentMetadata(account, texts.keySet()) : null;
        RuntimeException failure = null;
        for (Map.Entry<EmailId, Supplier<SearchDocument>> text : texts.entrySet()) {
            EmailId id = text.getKey();
            try {
                if (metadata == null) {
                    index.index(account, id, text.getValue().get());
                } else if (metadata.containsKey(id)) {
                    index.index(account, id, text.getValue().get(), metadata.get(id));
                }
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private Map<EmailId, SearchMetadata> currentMetadata(AccountId account, Collection<EmailId> ids) {
        return context.metadata().read(account, r -> {
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
