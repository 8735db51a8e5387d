/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql.internal;

import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

import dev.mailcore.api.Change;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.UidSet;
import dev.mailcore.api.spi.EmailRecord;
import dev.mailcore.api.spi.MailboxCounts;
import dev.mailcore.api.spi.MailboxRecord;
import dev.mailcore.api.spi.MailboxState;
import dev.mailcore.api.spi.MessageRecord;
import dev.mailcore.api.spi.MetadataTransaction;
import dev.mailcore.api.spi.ThreadKey;
import dev.mailcore.api.spi.Usage;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.exception.DataAccessException;

/**
 * A write transaction of one account. The store has locked the account's row, so this transaction is the only
 * writer of the account: counters are read, computed in Java and written back without races.
 *
 * <p>Inserts rely on the primary key to refuse a taken id: one round trip instead of a check and an insert. On
 * PostgreSQL the refused insert aborts the transaction; that is fine, because the {@link IllegalStateException}
 * signals a bug in the caller and rolls the transaction back anyway.
 *
 * <p>The account's own counters (MODSEQ, last UIDVALIDITY, usage) are kept here and written once by
 * {@link #flush()} before the commit. UID and UIDVALIDITY allocations are remembered so that
 * {@link #keepAllocations()} can redo them after the store rolled the work back to its savepoint: a value handed
 * out is never handed out again.
 */
public final class SqlTransaction extends SqlReader implements MetadataTransaction {
    private long highestModSeq;
    private long lastUidValidity;
    private long usageBytes;
    private long usageMessages;
    private boolean dirty;
    private boolean uidValidityAllocated;
    private final Map<MailboxId, Long> uidNextAllocated = new HashMap<>();
    /** Counters of the mailboxes this transaction touched; absent: not loaded yet, or the mailbox is gone. */
    private final Map<MailboxId, MailboxCounters> counters = new HashMap<>();
    /** Size and keywords of emails this transaction wrote, so memberships need not read them back. */
    private final Map<EmailId, Record2<Long, String>> emailsWritten = new HashMap<>();

    /** @param row the account's locked row: highest MODSEQ, last UIDVALIDITY, usage bytes and messages */
    public SqlTransaction(DSLContext db, String account, Record row) {
        super(db, account);
        highestModSeq = row.get(Tables.Account.HIGHEST_MODSEQ);
        lastUidValidity = row.get(Tables.Account.LAST_UID_VALIDITY);
        usageBytes = row.get(Tables.Account.USAGE_BYTES);
        usageMessages = row.get(Tables.Account.USAGE_MESSAGES);
    }

    /** Writes the account's counters; called before the commit. */
    public void flush() {
        for (Map.Entry<MailboxId, MailboxCounters> entry : counters.entrySet()) {
            MailboxCounters c = entry.getValue();
            if (c.changed) {
                db.update(Tables.Mailbox.TABLE)
                        .set(Tables.Mailbox.UID_NEXT, c.uidNext)
                        .set(Tables.Mailbox.HIGHEST_MODSEQ, c.highestModSeq)
                        .set(Tables.Mailbox.MESSAGE_COUNT, c.messages)
                        .set(Tables.Mailbox.UNSEEN_COUNT, c.unseen)
                        .set(Tables.Mailbox.DELETED_COUNT, c.deleted)
                        .set(Tables.Mailbox.TOTAL_SIZE, c.size)
                        .where(mailboxKey(entry.getKey()))
                        .execute();
            }
        }
        if (dirty) {
            db.update(Tables.Account.TABLE)
                    .set(Tables.Account.HIGHEST_MODSEQ, highestModSeq)
                    .set(Tables.Account.LAST_UID_VALIDITY, lastUidValidity)
                    .set(Tables.Account.USAGE_BYTES, usageBytes)
                    .set(Tables.Account.USAGE_MESSAGES, usageMessages)
                    .where(Tables.Account.ACCOUNT_ID.eq(account))
                    .execute();
        }
    }

    /**
     * After a rollback to the savepoint taken right after the account lock: moves UIDNEXT of every mailbox that
     * still exists past the UIDs this transaction allocated, and keeps the last UIDVALIDITY it handed out.
     */
    public void keepAllocations() {
        for (Map.Entry<MailboxId, Long> entry : uidNextAllocated.entrySet()) {
            db.update(Tables.Mailbox.TABLE)
                    .set(Tables.Mailbox.UID_NEXT, greatest(Tables.Mailbox.UID_NEXT, val(entry.getValue())))
                    .where(mailboxKey(entry.getKey()))
                    .execute();
        }
        if (uidValidityAllocated) {
            db.update(Tables.Account.TABLE)
                    .set(Tables.Account.LAST_UID_VALIDITY, lastUidValidity)
                    .where(Tables.Account.ACCOUNT_ID.eq(account))
                    .execute();
        }
    }

    @Override
    public long highestModSeq() {
        checkOpen();
        return highestModSeq;
    }

    @Override
    public Usage usage() {
        checkOpen();
        return new Usage(usageBytes, usageMessages);
    }

    @Override
    public Optional<MailboxState> mailboxState(MailboxId id) {
        checkOpen();
        return Optional.ofNullable(counters(id)).map(MailboxCounters::state);
    }

    @Override
    public MailboxCounts counts(MailboxId id) {
        checkOpen();
        MailboxCounters c = counters(id);
        return c == null ? MailboxCounts.ZERO : c.counts();
    }

    /** The mailbox's counters, loaded on first use; null for an unknown mailbox. */
    private MailboxCounters counters(MailboxId id) {
        MailboxCounters c = counters.get(id);
        if (c == null) {
            c = db.select(
                            Tables.Mailbox.UID_NEXT,
                            Tables.Mailbox.HIGHEST_MODSEQ,
                            Tables.Mailbox.MESSAGE_COUNT,
                            Tables.Mailbox.UNSEEN_COUNT,
                            Tables.Mailbox.DELETED_COUNT,
                            Tables.Mailbox.TOTAL_SIZE)
                    .from(Tables.Mailbox.TABLE)
                    .where(mailboxKey(id))
                    .fetchOptional(r ->
                            new MailboxCounters(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()))
                    .orElse(null);
            if (c != null) {
                counters.put(id, c);
            }
        }
        return c;
    }

    private MailboxCounters requireCounters(MailboxId id) {
        MailboxCounters c = counters(id);
        if (c == null) {
            throw new IllegalStateException("no mailbox " + id);
        }
        return c;
    }

    @Override
    public long nextModSeq() {
        checkOpen();
        dirty = true;
        return ++highestModSeq;
    }

    @Override
    public long allocateUids(MailboxId mailbox, int count) {
        checkOpen();
        MailboxCounters c = requireCounters(mailbox);
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        long uidNext = c.uidNext;
        if (uidNext + count - 1 > UidSet.MAX_UID) {
            throw new IllegalStateException("mailbox " + mailbox + " has no UIDs left");
        }
        long next = uidNext + count;
        c.uidNext = next;
        c.changed = true;
        uidNextAllocated.merge(mailbox, next, Math::max);
        return uidNext;
    }

    @Override
    public long allocateUidValidity(long atLeast) {
        checkOpen();
        long value = Math.max(atLeast, lastUidValidity + 1);
        if (value > UidSet.MAX_UID) {
            throw new IllegalStateException("no UIDVALIDITY left above " + lastUidValidity);
        }
        lastUidValidity = value;
        uidValidityAllocated = true;
        dirty = true;
        return value;
    }

    @Override
    public void insertMailbox(MailboxRecord mailbox) {
        checkOpen();
        if (mailboxExists(mailbox.id())) {
            throw new IllegalStateException("mailbox " + mailbox.id() + " exists");
        }
        db.insertInto(Tables.Mailbox.TABLE)
                .set(Tables.Mailbox.ACCOUNT_ID, account)
                .set(Tables.Mailbox.MAILBOX_ID, mailbox.id().value())
                .set(
                        Tables.Mailbox.PARENT_ID,
                        mailbox.parentId() == null ? null : mailbox.parentId().value())
                .set(Tables.Mailbox.NAME, mailbox.name())
                .set(
                        Tables.Mailbox.ROLE,
                        mailbox.role() == null ? null : mailbox.role().name())
                .set(Tables.Mailbox.UID_VALIDITY, mailbox.uidValidity())
                .set(Tables.Mailbox.SUBSCRIBED, mailbox.subscribed())
                .set(Tables.Mailbox.SORT_ORDER, mailbox.sortOrder())
                .set(Tables.Mailbox.UID_NEXT, 1L)
                .set(Tables.Mailbox.HIGHEST_MODSEQ, 0L)
                .set(Tables.Mailbox.MESSAGE_COUNT, 0L)
                .set(Tables.Mailbox.UNSEEN_COUNT, 0L)
                .set(Tables.Mailbox.DELETED_COUNT, 0L)
                .set(Tables.Mailbox.TOTAL_SIZE, 0L)
                .execute();
        counters.put(mailbox.id(), MailboxCounters.fresh());
    }

    @Override
    public void updateMailbox(MailboxRecord mailbox) {
        checkOpen();
        int updated = db.update(Tables.Mailbox.TABLE)
                .set(
                        Tables.Mailbox.PARENT_ID,
                        mailbox.parentId() == null ? null : mailbox.parentId().value())
                .set(Tables.Mailbox.NAME, mailbox.name())
                .set(
                        Tables.Mailbox.ROLE,
                        mailbox.role() == null ? null : mailbox.role().name())
                .set(Tables.Mailbox.UID_VALIDITY, mailbox.uidValidity())
                .set(Tables.Mailbox.SUBSCRIBED, mailbox.subscribed())
                .set(Tables.Mailbox.SORT_ORDER, mailbox.sortOrder())
                .where(mailboxKey(mailbox.id()))
                .execute();
        if (updated == 0) {
            throw new IllegalStateException("no mailbox " + mailbox.id());
        }
    }

    @Override
    public void deleteMailbox(MailboxId mailbox) {
        checkOpen();
        long messages = requireCounters(mailbox).messages;
        if (messages > 0) {
            throw new IllegalStateException("mailbox " + mailbox + " still has " + messages + " messages");
        }
        db.deleteFrom(Tables.Mailbox.TABLE).where(mailboxKey(mailbox)).execute();
        counters.remove(mailbox);
    }

    @Override
    public void insertEmail(EmailRecord email) {
        checkOpen();
        String keywords = Rows.keywords(email.keywords());
        try {
            db.insertInto(Tables.Email.TABLE)
                    .set(Tables.Email.ACCOUNT_ID, account)
                    .set(Tables.Email.EMAIL_ID, email.id().value())
                    .set(Tables.Email.THREAD_ID, email.threadId().value())
                    .set(Tables.Email.BLOB_ID, email.blobId().value())
                    .set(Tables.Email.SIZE, email.size())
                    .set(Tables.Email.RECEIVED_SEC, email.receivedAt().getEpochSecond())
                    .set(Tables.Email.RECEIVED_NANO, email.receivedAt().getNano())
                    .set(Tables.Email.KEYWORDS, keywords)
                    .set(Tables.Email.SUMMARY, SummaryCodec.encode(email.summary()))
                    .set(Tables.Email.MODSEQ, email.modSeq())
                    .execute();
        } catch (DataAccessException e) {
            throw SqlErrors.uniqueViolationOr(e, () -> new IllegalStateException("email " + email.id() + " exists", e));
        }
        emailsWritten.put(email.id(), emailRow(email.size(), keywords));
    }

    @Override
    public void updateEmail(EmailId email, Set<String> keywords, long modSeq) {
        checkOpen();
        Record2<Long, String> old = emailSizeAndKeywords(email);
        String stored = Rows.keywords(keywords);
        db.update(Tables.Email.TABLE)
                .set(Tables.Email.KEYWORDS, stored)
                .set(Tables.Email.MODSEQ, modSeq)
                .where(emailKey(email))
                .execute();
        emailsWritten.put(email, emailRow(old.value1(), stored));
        long delta = (Rows.unseen(keywords) ? 1 : 0) - (Rows.unseen(Rows.keywords(old.value2())) ? 1 : 0);
        if (delta != 0) {
            for (String mailbox : db.select(Tables.Message.MAILBOX_ID)
                    .from(Tables.Message.TABLE)
                    .where(Tables.Message.ACCOUNT_ID.eq(account), Tables.Message.EMAIL_ID.eq(email.value()))
                    .fetch(Tables.Message.MAILBOX_ID)) {
                MailboxCounters c = requireCounters(MailboxId.of(mailbox));
                c.unseen += delta;
                c.changed = true;
            }
        }
    }

    @Override
    public void deleteEmail(EmailId email) {
        checkOpen();
        if (!db.fetchExists(selectOne().from(Tables.Email.TABLE).where(emailKey(email)))) {
            throw new IllegalStateException("no email " + email);
        }
        if (db.fetchExists(selectOne()
                .from(Tables.Message.TABLE)
                .where(Tables.Message.ACCOUNT_ID.eq(account), Tables.Message.EMAIL_ID.eq(email.value())))) {
            throw new IllegalStateException("email " + email + " is still in a mailbox");
        }
        db.deleteFrom(Tables.Email.TABLE).where(emailKey(email)).execute();
        emailsWritten.remove(email);
    }

    @Override
    public void insertMessage(MessageRecord message) {
        checkOpen();
        MailboxCounters c = requireCounters(message.mailboxId());
        Record2<Long, String> email = emailSizeAndKeywords(message.emailId());
        try {
            db.insertInto(Tables.Message.TABLE)
                    .set(Tables.Message.ACCOUNT_ID, account)
                    .set(Tables.Message.MAILBOX_ID, message.mailboxId().value())
                    .set(Tables.Message.UID, message.uid())
                    .set(Tables.Message.EMAIL_ID, message.emailId().value())
                    .set(Tables.Message.MODSEQ, message.modSeq())
                    .set(Tables.Message.DELETED, message.deleted())
                    .set(Tables.Message.SAVED_SEC, message.savedAt().getEpochSecond())
                    .set(Tables.Message.SAVED_NANO, message.savedAt().getNano())
                    .execute();
        } catch (DataAccessException e) {
            throw SqlErrors.uniqueViolationOr(
                    e,
                    () -> new IllegalStateException(
                            "UID " + message.uid() + " is taken in mailbox " + message.mailboxId(), e));
        }
        c.messages++;
        c.unseen += Rows.unseen(Rows.keywords(email.value2())) ? 1 : 0;
        c.deleted += message.deleted() ? 1 : 0;
        c.size += email.value1();
        c.raiseModSeq(message.modSeq());
    }

    @Override
    public void updateMessage(MessageRecord message) {
        checkOpen();
        Record2<String, Boolean> old = db.select(Tables.Message.EMAIL_ID, Tables.Message.DELETED)
                .from(Tables.Message.TABLE)
                .where(messageKey(message.mailboxId(), message.uid()))
                .fetchOne();
        if (old == null) {
            throw new IllegalStateException("no UID " + message.uid() + " in mailbox " + message.mailboxId());
        }
        if (!old.value1().equals(message.emailId().value())) {
            throw new IllegalStateException("UID " + message.uid() + " in mailbox " + message.mailboxId()
                    + " holds email " + old.value1() + ", not " + message.emailId());
        }
        db.update(Tables.Message.TABLE)
                .set(Tables.Message.MODSEQ, message.modSeq())
                .set(Tables.Message.DELETED, message.deleted())
                .set(Tables.Message.SAVED_SEC, message.savedAt().getEpochSecond())
                .set(Tables.Message.SAVED_NANO, message.savedAt().getNano())
                .where(messageKey(message.mailboxId(), message.uid()))
                .execute();
        MailboxCounters c = requireCounters(message.mailboxId());
        c.deleted += (message.deleted() ? 1 : 0) - (old.value2() ? 1 : 0);
        c.raiseModSeq(message.modSeq());
    }

    @Override
    public void deleteMessage(MailboxId mailbox, long uid, long modSeq) {
        checkOpen();
        Record2<String, Boolean> old = db.select(Tables.Message.EMAIL_ID, Tables.Message.DELETED)
                .from(Tables.Message.TABLE)
                .where(messageKey(mailbox, uid))
                .fetchOne();
        if (old == null) {
            throw new IllegalStateException("no UID " + uid + " in mailbox " + mailbox);
        }
        Record2<Long, String> email = emailSizeAndKeywords(EmailId.of(old.value1()));
        db.deleteFrom(Tables.Message.TABLE).where(messageKey(mailbox, uid)).execute();
        MailboxCounters c = requireCounters(mailbox);
        c.messages--;
        c.unseen -= Rows.unseen(Rows.keywords(email.value2())) ? 1 : 0;
        c.deleted -= old.value2() ? 1 : 0;
        c.size -= email.value1();
        c.raiseModSeq(modSeq);
    }

    @Override
    public void appendChanges(Collection<? extends Change> changes) {
        checkOpen();
        JournalWrites.appendChanges(db, account, changes);
    }

    @Override
    public void putThreadKeys(Collection<ThreadKey> keys) {
        checkOpen();
        JournalWrites.putThreadKeys(db, account, keys);
    }

    @Override
    public void adjustUsage(long bytes, long messages) {
        checkOpen();
        usageBytes += bytes;
        usageMessages += messages;
        dirty = true;
    }

    private Record2<Long, String> emailRow(long size, String keywords) {
        return db.newRecord(Tables.Email.SIZE, Tables.Email.KEYWORDS).values(size, keywords);
    }

    private boolean mailboxExists(MailboxId id) {
        return db.fetchExists(selectOne().from(Tables.Mailbox.TABLE).where(mailboxKey(id)));
    }

    private Record2<Long, String> emailSizeAndKeywords(EmailId id) {
        Record2<Long, String> written = emailsWritten.get(id);
        if (written != null) {
            return written;
        }
        Record2<Long, String> email = db.select(Tables.Email.SIZE, Tables.Email.KEYWORDS)
                .from(Tables.Email.TABLE)
                .where(emailKey(id))
                .fetchOne();
        if (email == null) {
            throw new IllegalStateException("no email " + id);
        }
        return email;
    }

    private org.jooq.Condition emailKey(EmailId id) {
        return Tables.Email.ACCOUNT_ID.eq(account).and(Tables.Email.EMAIL_ID.eq(id.value()));
    }

    private org.jooq.Condition messageKey(MailboxId mailbox, long uid) {
        return Tables.Message.ACCOUNT_ID
                .eq(account)
                .and(Tables.Message.MAILBOX_ID.eq(mailbox.value()))
                .and(Tables.Message.UID.eq(uid));
    }
}
