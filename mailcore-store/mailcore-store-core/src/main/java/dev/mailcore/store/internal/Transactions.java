/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import dev.mailcore.api.AccountChanged;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.api.spi.MetadataReader;
import dev.mailcore.api.spi.MetadataTransaction;
import dev.mailcore.api.spi.SearchDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs engine operations as metadata transactions and does what must follow a commit: index updates, then one
 * event for listeners. Nothing is published for a transaction that rolled back.
 */
public final class Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    private final EngineContext context;

    private final Indexer indexer;

    /** @param indexer told, after each commit, which emails changed, for an index that keeps their metadata */
    public Transactions(EngineContext context, Indexer indexer) {
        this.context = context;
        this.indexer = indexer;
    }

    public <T> T read(AccountId account, Function<MetadataReader, T> work) {
        requireAccount(account);
        return context.metadata().read(account, work);
    }

    /** A listing read; see {@link dev.mailcore.api.spi.MetadataStore#readLatest}. */
    public <T> T readLatest(AccountId account, Function<MetadataReader, T> work) {
        requireAccount(account);
        return context.metadata().readLatest(account, work);
    }

    public <T> T write(AccountId account, BiFunction<MetadataTransaction, ChangeRecorder, T> work) {
        requireAccount(account);
        ChangeRecorder[] holder = new ChangeRecorder[1];
        T result;
        try {
            result = context.metadata().write(account, tx -> {
                abandon(account, holder[0]);
                ChangeRecorder recorder = new ChangeRecorder(tx, modSeq -> indexer.begun(account, modSeq));
                holder[0] = recorder;
                T value = work.apply(tx, recorder);
                recorder.flush();
                return value;
            });
        } catch (RuntimeException | Error e) {
            abandon(account, holder[0]);
            throw e;
        }
        afterCommit(account, holder[0]);
        return result;
    }

    /** A transaction that took a MODSEQ and was rolled back (or is tried again) never reaches the index. */
    private void abandon(AccountId account, ChangeRecorder recorder) {
        if (recorder != null && recorder.takenModSeq() != 0) {
            indexer.ended(account, recorder.takenModSeq(), false);
        }
    }

    /** Null ids from a caller are a client error, not a crash. */
    public static void requireAccount(AccountId account) {
        if (account == null) {
            throw new MailException(ErrorReason.INVALID_ARGUMENT, "account id is required");
        }
    }

    private void afterCommit(AccountId account, ChangeRecorder recorder) {
        Map<EmailId, Supplier<SearchDocument>> texts = recorder.textsToIndex();
        indexer.index(account, texts);
        for (Runnable action : recorder.afterCommitActions()) {
            action.run();
        }
        // An email whose text was just queued gets its metadata with it; the others only have metadata changed.
        List<EmailId> changed = new ArrayList<>(recorder.changedEmails());
        changed.removeAll(texts.keySet());
        indexer.refreshMetadata(account, changed);
        if (recorder.takenModSeq() != 0) {
            indexer.ended(account, recorder.takenModSeq(), true);
        }
        AccountChanged event = recorder.event(account);
        if (event != null && context.events() != null) {
            try {
                context.events().publish(event);
            } catch (RuntimeException e) {
                // The change is durable already; a lost notification only delays listeners until their next poll.
                LOG.warn("could not publish change of account {} at modseq {}", account, event.modSeq(), e);
            }
        }
    }
}
