/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * The tables and columns of {@code V1__metadata.sql} for jOOQ, without code generation. Every name is built with
 * {@code name(...)}; queries render them unquoted (see {@code SqlMetadataStore}) so each database folds them
 * the same way it folded the unquoted names of the script.
 */
final class Tables {
    private Tables() {}

    private static <T> Field<T> column(String table, String column, DataType<T> type) {
        return field(name(table, column), type);
    }

    static final class Account {
        static final String T = "mc_account";
        static final Table<?> TABLE = table(name(T));
        static final Field<String> ACCOUNT_ID = column(T, "account_id", SQLDataType.VARCHAR);
        static final Field<Long> HIGHEST_MODSEQ = column(T, "highest_modseq", SQLDataType.BIGINT);
        static final Field<Long> LAST_UID_VALIDITY = column(T, "last_uid_validity", SQLDataType.BIGINT);
        static final Field<Long> USAGE_BYTES = column(T, "usage_bytes", SQLDataType.BIGINT);
        static final Field<Long> USAGE_MESSAGES = column(T, "usage_messages", SQLDataType.BIGINT);

        private Account() {}
    }

    static final class Mailbox {
        static final String T = "mc_mailbox";
        static final Table<?> TABLE = table(name(T));
        static final Field<String> ACCOUNT_ID = column(T, "account_id", SQLDataType.VARCHAR);
        static final Field<String> MAILBOX_ID = column(T, "mailbox_id", SQLDataType.VARCHAR);
        static final Field<String> PARENT_ID = column(T, "parent_id", SQLDataType.VARCHAR);
        static final Field<String> NAME = column(T, "mailbox_name", SQLDataType.VARCHAR);
        static final Field<String> ROLE = column(T, "mailbox_role", SQLDataType.VARCHAR);
        static final Field<Long> UID_VALIDITY = column(T, "uid_validity", SQLDataType.BIGINT);
        static final Field<Boolean> SUBSCRIBED = column(T, "subscribed", SQLDataType.BOOLEAN);
        static final Field<Integer> SORT_ORDER = column(T, "sort_order", SQLDataType.INTEGER);
        static final Field<Long> UID_NEXT = column(T, "uid_next", SQLDataType.BIGINT);
        static final Field<Long> HIGHEST_MODSEQ = column(T, "highest_modseq", SQLDataType.BIGINT);
        static final Field<Long> MESSAGE_COUNT = column(T, "message_count", SQLDataType.BIGINT);
        static final Field<Long> UNSEEN_COUNT = column(T, "unseen_count", SQLDataType.BIGINT);
        static final Field<Long> DELETED_COUNT = column(T, "deleted_count", SQLDataType.BIGINT);
        static final Field<Long> TOTAL_SIZE = column(T, "total_size", SQLDataType.BIGINT);

        private Mailbox() {}
    }

    static final class Email {
        static final String T = "mc_email";
        static final Table<?> TABLE = table(name(T));
        static final Field<String> ACCOUNT_ID = column(T, "account_id", SQLDataType.VARCHAR);
        static final Field<String> EMAIL_ID = column(T, "email_id", SQLDataType.VARCHAR);
        static final Field<String> THREAD_ID = column(T, "thread_id", SQLDataType.VARCHAR);
        static final Field<String> BLOB_ID = column(T, "blob_id", SQLDataType.VARCHAR);
        static final Field<Long> SIZE = column(T, "email_size", SQLDataType.BIGINT);
        static final Field<Long> RECEIVED_SEC = column(T, "received_sec", SQLDataType.BIGINT);
        static final Field<Integer> RECEIVED_NANO = column(T, "received_nano", SQLDataType.INTEGER);
        static final Field<String> KEYWORDS = column(T, "keywords", SQLDataType.VARCHAR);
        static final Field<byte[]> SUMMARY = column(T, "summary", SQLDataType.VARBINARY);
        static final Field<Long> MODSEQ = column(T, "modseq", SQLDataType.BIGINT);

        private Email() {}
    }

    static final class Message {
        static final String T = "mc_message";
        static final Table<?> TABLE = table(name(T));
        static final Field<String> ACCOUNT_ID = column(T, "account_id", SQLDataType.VARCHAR);
        static final Field<String> MAILBOX_ID = column(T, "mailbox_id", SQLDataType.VARCHAR);
        static final Field<Long> UID = column(T, "uid", SQLDataType.BIGINT);
        static final Field<String> EMAIL_ID = column(T, "email_id", SQLDataType.VARCHAR);
        static final Field<Long> MODSEQ = column(T, "modseq", SQLDataType.BIGINT);
        static final Field<Boolean> DELETED = column(T, "deleted", SQLDataType.BOOLEAN);
        static final Field<Long> SAVED_SEC = column(T, "saved_sec", SQLDataType.BIGINT);
        static final Field<Integer> SAVED_NANO = column(T, "saved_nano", SQLDataType.INTEGER);

        private Message() {}
    }

    static final class ChangeLog {
        static final String T = "mc_change";
        static final Table<?> TABLE = table(name(T));
        static final Field<Long> ENTRY_ID = column(T, "entry_id", SQLDataType.BIGINT);
        static final Field<String> ACCOUNT_ID = column(T, "account_id", SQLDataType.VARCHAR);
        static final Field<Long> MODSEQ = column(T, "modseq", SQLDataType.BIGINT);
        static final Field<String> TYPE = column(T, "change_type", SQLDataType.VARCHAR);
        static final Field<String> KIND = column(T, "change_kind", SQLDataType.VARCHAR);
        static final Field<String> MAILBOX_ID = column(T, "mailbox_id", SQLDataType.VARCHAR);
        static final Field<String> EMAIL_ID = column(T, "email_id", SQLDataType.VARCHAR);
        static final Field<String> THREAD_ID = column(T, "thread_id", SQLDataType.VARCHAR);
        static final Field<Long> UID = column(T, "uid", SQLDataType.BIGINT);

        private ChangeLog() {}
    }

    static final class ThreadKey {
        static final String T = "mc_thread_key";
        static final Table<?> TABLE = table(name(T));
        static final Field<String> ACCOUNT_ID = column(T, "account_id", SQLDataType.VARCHAR);
        static final Field<String> MESSAGE_KEY = column(T, "message_key", SQLDataType.VARCHAR);
        static final Field<String> MESSAGE_ID = column(T, "message_id", SQLDataType.VARCHAR);
        static final Field<String> THREAD_ID = column(T, "thread_id", SQLDataType.VARCHAR);
        static final Field<String> BASE_SUBJECT = column(T, "base_subject", SQLDataType.VARCHAR);

        private ThreadKey() {}
    }
}
