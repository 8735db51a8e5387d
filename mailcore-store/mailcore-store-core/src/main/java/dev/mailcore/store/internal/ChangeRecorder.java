/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import dev.mailcore.api.AccountChanged;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.Change;
import dev.mailcore.api.ChangeKind;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.ThreadId;
import dev.mailcore.api.spi.MetadataTransaction;
import dev.mailcore.api.spi.SearchDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Collects what one engine operation changes: takes the operation's MODSEQ on the first change (an operation that
 * changes nothing takes none), writes the change log entries at commit, and remembers what to tell listeners and
 * the search index once the transaction is durable.
 */
public final class ChangeRecorder {
    private final MetadataTransaction tx;
    private long modSeq;
    private final List<Change> changes = new ArrayList<>();
    private final Map<EmailId, ChangeKind> emailKinds = new LinkedHashMap<>();
    private final Map<EmailId, ThreadId> emailThreads = new LinkedHashMap<>();
    private final Set<MailboxId> touchedMailboxes = new HashSet<>();
    private final Map<MailboxId, ChangeKind> mailboxKinds = new LinkedHashMap<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final Map<EmailId, Supplier<SearchDocument>> texts = new LinkedHashMap<>();

    private final LongConsumer allocated;

    /** @param allocated told the MODSEQ as soon as it is taken, before the transaction commits */
    ChangeRecorder(MetadataTransaction tx, LongConsumer allocated) {
        this.tx = tx;
        this.allocated = allocated;
    }

    /** The MODSEQ of this operation, allocated on first use. */
    public long modSeq() {
        if (modSeq == 0) {
            modSeq = tx.nextModSeq();
            allocated.accept(modSeq);
        }
        return modSeq;
    }

    /** The MODSEQ taken, or 0 if none. */
    long takenModSeq() {
        return modSeq;
    }

    public boolean changedAnything() {
        return modSeq != 0;
    }

    public void mailbox(MailboxId mailbox, ChangeKind kind) {
        modSeq();
        touchedMailboxes.add(mailbox);
        mailboxKinds.merge(mailbox, kind, ChangeRecorder::merge);
    }

    /** A message of the mailbox changed: its counters (and so its JMAP state) changed. */
    public void mailboxContent(MailboxId mailbox) {
        mailbox(mailbox, ChangeKind.UPDATED);
    }

    public void email(EmailId email, ThreadId thread, ChangeKind kind) {
        modSeq();
        emailKinds.merge(email, kind, ChangeRecorder::merge);
        emailThreads.put(email, thread);
    }

    public void messageRemoved(MailboxId mailbox, long uid, EmailId email) {
        changes.add(new Change.MessageRemoved(modSeq(), mailbox, uid, email));
        touchedMailboxes.add(mailbox);
    }

    /**
     * Indexes the email's text after the transaction committed, together with its metadata in one index write; never
     * if it rolled back. {@code text} is called on the indexing thread.
     */
    public void indexAfterCommit(EmailId email, Supplier<SearchDocument> text) {
        texts.put(email, text);
    }

    /** Runs {@code action} after the transaction committed (index updates); never if it rolled back. */
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    /** Created then destroyed in one operation is no change at all to an observer; otherwise the stronger kind wins. */
    private static ChangeKind merge(ChangeKind first, ChangeKind second) {
        if (first == ChangeKind.CREATED || second == ChangeKind.CREATED) {
            return second == ChangeKind.DESTROYED ? ChangeKind.DESTROYED : ChangeKind.CREATED;
        }
        return second == ChangeKind.DESTROYED ? ChangeKind.DESTROYED : first;
    }

    /** Writes the change log; called inside the transaction as its last step. */
    void flush() {
        if (modSeq == 0) {
            return;
        }
        List<Change> all = new ArrayList<>(changes);
        mailboxKinds.forEach((id, kind) -> all.add(new Change.MailboxChanged(modSeq, id, kind)));
        emailKinds.forEach((id, kind) -> all.add(new Change.EmailChanged(modSeq, id, emailThreads.get(id), kind)));
        tx.appendChanges(all);
    }

    /** The emails this operation created or updated (not those it destroyed), in the order first touched. */
    List<EmailId> changedEmails() {
        List<EmailId> out = new ArrayList<>();
        emailKinds.forEach((id, kind) -> {
            if (kind != ChangeKind.DESTROYED) {
                out.add(id);
            }
        });
        return out;
    }

    /** The texts to index, of the emails this operation did not destroy. */
    Map<EmailId, Supplier<SearchDocument>> textsToIndex() {
        Map<EmailId, Supplier<SearchDocument>> out = new LinkedHashMap<>(texts);
        out.keySet().removeIf(id -> emailKinds.get(id) == ChangeKind.DESTROYED);
        return out;
    }

    List<Runnable> afterCommitActions() {
        return afterCommit;
    }

    /** The event for listeners, or null when nothing changed. */
    AccountChanged event(AccountId account) {
        if (modSeq == 0) {
            return null;
        }
        return new AccountChanged(account, modSeq, touchedMailboxes, !mailboxKinds.isEmpty(), !emailKinds.isEmpty());
    }
}
