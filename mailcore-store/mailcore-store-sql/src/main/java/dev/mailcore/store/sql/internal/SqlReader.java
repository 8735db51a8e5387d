/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql.internal;

import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.selectDistinct;

import dev.mailcore.api.Change;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.FlagListing;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.ThreadId;
import dev.mailcore.api.UidSet;
import dev.mailcore.api.spi.ArrivalOrder;
import dev.mailcore.api.spi.EmailRecord;
import dev.mailcore.api.spi.MailboxCounts;
import dev.mailcore.api.spi.MailboxRecord;
import dev.mailcore.api.spi.MailboxState;
import dev.mailcore.api.spi.MessageRecord;
import dev.mailcore.api.spi.MetadataReader;
import dev.mailcore.api.spi.ThreadKey;
import dev.mailcore.api.spi.Usage;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;

/**
 * Reads of one account inside a transaction the store opened on one connection. Every call after {@link #close()}
 * throws {@link IllegalStateException}, so a reader that escaped its transaction fails loudly.
 */
public class SqlReader implements MetadataReader {
    /** Ids per IN list and UID ranges per query, to keep statements small on both databases. */
    static final int CHUNK = 500;

    /** Above this many ids, {@link #emails} reads the account's rows in one pass instead of by id lists. */
    static final int WHOLE_ACCOUNT_READ = 2_000;

    final DSLContext db;
    final String account;
    private boolean open = true;

    public SqlReader(DSLContext db, String account) {
        this.db = db;
        this.account = account;
    }

    /** Ends the transaction this reader belongs to. */
    public void close() {
        open = false;
    }

    final void checkOpen() {
        if (!open) {
            throw new IllegalStateException("the transaction has ended; do not keep its reader");
        }
    }

    /** The account's row, or null for an account never written. */
    final Record accountRow(boolean forUpdate) {
        var select = db.select(
                        Tables.Account.HIGHEST_MODSEQ,
                        Tables.Account.LAST_UID_VALIDITY,
                        Tables.Account.USAGE_BYTES,
                        Tables.Account.USAGE_MESSAGES)
                .from(Tables.Account.TABLE)
                .where(Tables.Account.ACCOUNT_ID.eq(account));
        return forUpdate ? select.forUpdate().fetchOne() : select.fetchOne();
    }

    @Override
    public long highestModSeq() {
        checkOpen();
        Record row = accountRow(false);
        return row == null ? 0 : row.get(Tables.Account.HIGHEST_MODSEQ);
    }

    @Override
    public long changeLogFloor() {
        checkOpen();
        return 0; // nothing is pruned yet
    }

    @Override
    public List<MailboxRecord> mailboxes() {
        checkOpen();
        List<MailboxRecord> out = new ArrayList<>(db.select(Rows.MAILBOX_COLUMNS)
                .from(Tables.Mailbox.TABLE)
                .where(Tables.Mailbox.ACCOUNT_ID.eq(account))
                .fetch(Rows::mailbox));
        // Java's order, not the database collation's, so every adapter lists alike.
        out.sort(Comparator.comparing(MailboxRecord::id));
        return out;
    }

    @Override
    public Optional<MailboxRecord> mailbox(MailboxId id) {
        checkOpen();
        return db.select(Rows.MAILBOX_COLUMNS)
                .from(Tables.Mailbox.TABLE)
                .where(mailboxKey(id))
                .fetchOptional(Rows::mailbox);
    }

    @Override
    public Optional<MailboxState> mailboxState(MailboxId id) {
        checkOpen();
        return db.select(Tables.Mailbox.UID_NEXT, Tables.Mailbox.HIGHEST_MODSEQ)
                .from(Tables.Mailbox.TABLE)
                .where(mailboxKey(id))
                .fetchOptional(r -> new MailboxState(r.value1(), r.value2()));
    }

    @Override
    public MailboxCounts counts(MailboxId id) {
        checkOpen();
        return db.select(
                        Tables.Mailbox.MESSAGE_COUNT,
                        Tables.Mailbox.UNSEEN_COUNT,
                        Tables.Mailbox.DELETED_COUNT,
                        Tables.Mailbox.TOTAL_SIZE)
                .from(Tables.Mailbox.TABLE)
                .where(mailboxKey(id))
                .fetchOptional(r -> new MailboxCounts(r.value1(), r.value2(), r.value3(), r.value4()))
                .orElse(MailboxCounts.ZERO);
    }

    @Override
    public long[] uids(MailboxId mailbox) {
        checkOpen();
        return jdbc(c -> MailboxListings.uids(c, account, mailbox.value()));
    }

    @Override
    public FlagListing flags(MailboxId mailbox, UidSet uids, long changedSince) {
        checkOpen();
        return jdbc(c -> MailboxListings.flags(c, account, mailbox.value(), uids, changedSince));
    }

    @Override
    public List<MessageRecord> messages(MailboxId mailbox, UidSet uids, long changedSince) {
        checkOpen();
        List<MessageRecord> out = new ArrayList<>();
        // Ranges, never their members: 1:4294967295 costs one BETWEEN. Ranges ascend, so chunks come out in order.
        for (int from = 0; from < uids.rangeCount(); from += CHUNK) {
            Condition inRanges = noCondition();
            for (int r = from; r < Math.min(from + CHUNK, uids.rangeCount()); r++) {
                inRanges = inRanges.or(Tables.Message.UID.between(uids.rangeStart(r), uids.rangeEnd(r)));
            }
            out.addAll(db.select(Rows.MESSAGE_COLUMNS)
                    .from(Tables.Message.TABLE)
                    .where(
                            Tables.Message.ACCOUNT_ID.eq(account),
                            Tables.Message.MAILBOX_ID.eq(mailbox.value()),
                            inRanges,
                            Tables.Message.MODSEQ.gt(changedSince))
                    .orderBy(Tables.Message.UID)
                    .fetch(Rows::message));
        }
        return out;
    }

    @Override
    public List<MessageRecord> memberships(EmailId email) {
        checkOpen();
        return db.select(Rows.MESSAGE_COLUMNS)
                .from(Tables.Message.TABLE)
                .where(Tables.Message.ACCOUNT_ID.eq(account), Tables.Message.EMAIL_ID.eq(email.value()))
                .fetch(Rows::message);
    }

    @Override
    public Optional<EmailRecord> email(EmailId id) {
        checkOpen();
        return db.select(Rows.EMAIL_COLUMNS)
                .from(Tables.Email.TABLE)
                .where(Tables.Email.ACCOUNT_ID.eq(account), Tables.Email.EMAIL_ID.eq(id.value()))
                .fetchOptional(Rows::email);
    }

    @Override
    public Map<EmailId, EmailRecord> emails(Collection<EmailId> ids) {
        checkOpen();
        Map<EmailId, EmailRecord> out = new HashMap<>();
        if (ids.size() > WHOLE_ACCOUNT_READ) {
            // Many ids (a whole mailbox): one pass over the account's rows beats hundreds of IN lists, which H2
            // answers by scanning the account once per list.
            Set<String> wanted = new HashSet<>();
            ids.forEach(id -> wanted.add(id.value()));
            try (var cursor = db.select(Rows.EMAIL_COLUMNS)
                    .from(Tables.Email.TABLE)
                    .where(Tables.Email.ACCOUNT_ID.eq(account))
                    .fetchLazy()) {
                for (var row : cursor) {
                    if (wanted.contains(row.get(Tables.Email.EMAIL_ID))) {
                        EmailRecord email = Rows.email(row);
                        out.put(email.id(), email);
                    }
                }
            }
            return out;
        }
        for (List<String> chunk : chunks(ids.stream().map(EmailId::value).toList())) {
            for (EmailRecord email : db.select(Rows.EMAIL_COLUMNS)
                    .from(Tables.Email.TABLE)
                    .where(Tables.Email.ACCOUNT_ID.eq(account), Tables.Email.EMAIL_ID.in(chunk))
                    .fetch(Rows::email)) {
                out.put(email.id(), email);
            }
        }
        return out;
    }

    @Override
    public List<EmailId> emailsByArrival(MailboxId mailbox, int position, int limit) {
        checkOpen();
        ArrivalOrder.checkPage(position, limit);
        boolean postgres = db.dialect().family() == SQLDialect.POSTGRES;
        return jdbc(c -> MailboxListings.emailsByArrival(c, postgres, account, mailbox.value(), position, limit));
    }

    @Override
    public List<EmailId> emailIds() {
        checkOpen();
        return db.select(Tables.Email.EMAIL_ID)
                .from(Tables.Email.TABLE)
                .where(Tables.Email.ACCOUNT_ID.eq(account))
                .fetch(r -> EmailId.of(r.value1()));
    }

    @Override
    public List<EmailId> threadEmails(ThreadId thread) {
        checkOpen();
        return db.select(Tables.Email.EMAIL_ID)
                .from(Tables.Email.TABLE)
                .where(Tables.Email.ACCOUNT_ID.eq(account), Tables.Email.THREAD_ID.eq(thread.value()))
                .fetch(r -> EmailId.of(r.value1()));
    }

    @Override
    public List<Change> changesSince(long modSeq, int maxModSeqs) {
        checkOpen();
        if (maxModSeqs < 0) {
            throw new IllegalArgumentException("maxModSeqs must not be negative: " + maxModSeqs);
        }
        if (maxModSeqs == 0) {
            return new ArrayList<>();
        }
        Condition above = Tables.ChangeLog.ACCOUNT_ID.eq(account).and(Tables.ChangeLog.MODSEQ.gt(modSeq));
        Condition upTo = noCondition();
        if (maxModSeqs != Integer.MAX_VALUE) {
            // The last MODSEQ of the page: the maxModSeqs-th distinct one above modSeq, found on the index.
            var page = selectDistinct(Tables.ChangeLog.MODSEQ)
                    .from(Tables.ChangeLog.TABLE)
                    .where(above)
                    .orderBy(Tables.ChangeLog.MODSEQ)
                    .limit(maxModSeqs)
                    .asTable("page");
            Long last = db.select(max(page.field(Tables.ChangeLog.MODSEQ.getUnqualifiedName(), Long.class)))
                    .from(page)
                    .fetchOne()
                    .value1();
            if (last == null) {
                return new ArrayList<>();
            }
            upTo = Tables.ChangeLog.MODSEQ.le(last);
        }
        return db.select(Rows.CHANGE_COLUMNS)
                .from(Tables.ChangeLog.TABLE)
                .where(above, upTo)
                .orderBy(Tables.ChangeLog.MODSEQ, Tables.ChangeLog.ENTRY_ID)
                .fetch(Rows::change);
    }

    @Override
    public Map<String, ThreadKey> threadKeys(Collection<String> messageIds) {
        checkOpen();
        Map<String, ThreadKey> out = new HashMap<>();
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String messageId : messageIds) {
            byKey.put(Rows.messageKey(messageId), messageId);
        }
        for (List<String> chunk : chunks(new ArrayList<>(byKey.keySet()))) {
            db.select(
                            Tables.ThreadKey.MESSAGE_KEY,
                            Tables.ThreadKey.MESSAGE_ID,
                            Tables.ThreadKey.THREAD_ID,
                            Tables.ThreadKey.BASE_SUBJECT)
                    .from(Tables.ThreadKey.TABLE)
                    .where(Tables.ThreadKey.ACCOUNT_ID.eq(account), Tables.ThreadKey.MESSAGE_KEY.in(chunk))
                    .forEach(r -> {
                        // The full id must match too: a digest key stands for exactly one id.
                        if (r.value2().equals(byKey.get(r.value1()))) {
                            out.put(r.value2(), new ThreadKey(r.value2(), ThreadId.of(r.value3()), r.value4()));
                        }
                    });
        }
        return out;
    }

    @Override
    public Usage usage() {
        checkOpen();
        Record row = accountRow(false);
        return row == null
                ? new Usage(0, 0)
                : new Usage(row.get(Tables.Account.USAGE_BYTES), row.get(Tables.Account.USAGE_MESSAGES));
    }

    /** A read on the transaction's own connection, past jOOQ (see {@link MailboxListings}). */
    private <T> T jdbc(JdbcRead<T> read) {
        ConnectionProvider connections = db.configuration().connectionProvider();
        Connection c = connections.acquire();
        try {
            return read.run(c);
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        } finally {
            connections.release(c);
        }
    }

    @FunctionalInterface
    private interface JdbcRead<T> {
        T run(Connection c) throws SQLException;
    }

    final Condition mailboxKey(MailboxId id) {
        return Tables.Mailbox.ACCOUNT_ID.eq(account).and(Tables.Mailbox.MAILBOX_ID.eq(id.value()));
    }

    static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += CHUNK) {
            out.add(items.subList(i, Math.min(i + CHUNK, items.size())));
        }
        return out;
    }
}
