/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql.internal;

import dev.mailcore.api.Change;
import dev.mailcore.api.spi.ThreadKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/** The append-only and keyed writes of a transaction: change-log entries and thread keys. */
final class JournalWrites {
    private JournalWrites() {}

    static void appendChanges(DSLContext db, String account, Collection<? extends Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        var insert = db.insertInto(
                Tables.ChangeLog.TABLE,
                Tables.ChangeLog.ACCOUNT_ID,
                Tables.ChangeLog.MODSEQ,
                Tables.ChangeLog.TYPE,
                Tables.ChangeLog.KIND,
                Tables.ChangeLog.MAILBOX_ID,
                Tables.ChangeLog.EMAIL_ID,
                Tables.ChangeLog.THREAD_ID,
                Tables.ChangeLog.UID);
        // The identity column numbers the rows in VALUES order, which keeps entries of one MODSEQ in order.
        for (Change change : changes) {
            switch (change) {
                case Change.MailboxChanged c ->
                    insert = insert.values(
                            account,
                            c.modSeq(),
                            Rows.MAILBOX_CHANGED,
                            c.kind().name(),
                            c.mailboxId().value(),
                            null,
                            null,
                            null);
                case Change.EmailChanged c ->
                    insert = insert.values(
                            account,
                            c.modSeq(),
                            Rows.EMAIL_CHANGED,
                            c.kind().name(),
                            null,
                            c.emailId().value(),
                            c.threadId().value(),
                            null);
                case Change.MessageRemoved c ->
                    insert = insert.values(
                            account,
                            c.modSeq(),
                            Rows.MESSAGE_REMOVED,
                            null,
                            c.mailboxId().value(),
                            c.emailId().value(),
                            null,
                            c.uid());
            }
        }
        insert.execute();
    }

    /** Replaces the keys of the same Message-IDs; within {@code keys} the last one for an id wins. */
    static void putThreadKeys(DSLContext db, String account, Collection<ThreadKey> keys) {
        Map<String, ThreadKey> latest = new LinkedHashMap<>();
        for (ThreadKey key : keys) {
            latest.put(Rows.messageKey(key.messageId()), key);
        }
        for (List<String> chunk : SqlReader.chunks(new ArrayList<>(latest.keySet()))) {
            db.deleteFrom(Tables.ThreadKey.TABLE)
                    .where(Tables.ThreadKey.ACCOUNT_ID.eq(account), Tables.ThreadKey.MESSAGE_KEY.in(chunk))
                    .execute();
            var insert = db.insertInto(
                    Tables.ThreadKey.TABLE,
                    Tables.ThreadKey.ACCOUNT_ID,
                    Tables.ThreadKey.MESSAGE_KEY,
                    Tables.ThreadKey.MESSAGE_ID,
                    Tables.ThreadKey.THREAD_ID,
                    Tables.ThreadKey.BASE_SUBJECT);
            for (String messageKey : chunk) {
                ThreadKey key = latest.get(messageKey);
                insert = insert.values(
                        account, messageKey, key.messageId(), key.threadId().value(), key.baseSubject());
            }
            insert.execute();
        }
    }
}
