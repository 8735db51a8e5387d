/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql.internal;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.MailException;
import dev.mailcore.api.spi.MetadataReader;
import dev.mailcore.api.spi.MetadataTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConnectionProvider;

/**
 * Runs read and write transactions on pooled connections (auto-commit off, READ COMMITTED by default).
 *
 * <p>A write locks the account's row ({@code SELECT ... FOR UPDATE}, creating the row on the account's first write),
 * then sets a savepoint and runs the work. When the work throws, the transaction rolls back to that savepoint,
 * redoes the UID and UIDVALIDITY allocations on top, and commits just those while still holding the lock, so no
 * other writer of the account can have taken the same values in between. A read runs in one read-only transaction
 * that sees one snapshot.
 */
public final class Transactions {
    /** Reads keep the isolation their pool gives them. */
    public static final int POOL_DEFAULT = -1;

    private final DataSource writes;
    private final DataSource reads;
    private final Configuration configuration;
    private final int readIsolation;

    /**
     * @param readIsolation the JDBC isolation level to set for a read so that it sees one snapshot of the whole
     *     database (on H2, whose REPEATABLE READ takes a snapshot per table, its SNAPSHOT level), or
     *     {@link #POOL_DEFAULT} when {@code reads} hands out connections that already do (PostgreSQL's REPEATABLE
     *     READ, read-only)
     */
    public Transactions(DataSource writes, DataSource reads, Configuration configuration, int readIsolation) {
        this.writes = writes;
        this.reads = reads;
        this.configuration = configuration;
        this.readIsolation = readIsolation;
    }

    public <T> T read(AccountId account, Function<MetadataReader, T> work) {
        return read(account, work, readIsolation);
    }

    /**
     * A listing read (see {@code MetadataStore.readLatest}): on a store whose reads set their isolation (H2), READ
     * COMMITTED, under which each statement still sees one committed state; elsewhere an ordinary read.
     */
    public <T> T readLatest(AccountId account, Function<MetadataReader, T> work) {
        return read(
                account, work, readIsolation == POOL_DEFAULT ? POOL_DEFAULT : Connection.TRANSACTION_READ_COMMITTED);
    }

    private <T> T read(AccountId account, Function<MetadataReader, T> work, int isolation) {
        try (Connection c = reads.getConnection()) {
            if (isolation != POOL_DEFAULT) {
                c.setTransactionIsolation(isolation);
                c.setReadOnly(true);
            }
            SqlReader reader = new SqlReader(dsl(c), account.value());
            try {
                T result = work.apply(reader);
                c.commit();
                return result;
            } catch (Throwable failure) {
                rollbackQuietly(c, failure);
                throw failure;
            } finally {
                reader.close();
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    public <T> T write(AccountId account, Function<MetadataTransaction, T> work) {
        try (Connection c = writes.getConnection()) {
            DSLContext db = dsl(c);
            Record row = lockAccount(c, db, account.value());
            Savepoint start = c.setSavepoint();
            SqlTransaction tx = new SqlTransaction(db, account.value(), row);
            T result;
            try {
                result = work.apply(tx);
                tx.flush();
            } catch (Throwable failure) {
                tx.close();
                keepAllocations(c, start, tx, failure);
                throw failure;
            }
            tx.close();
            c.commit();
            return result;
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    private static void keepAllocations(Connection c, Savepoint start, SqlTransaction tx, Throwable failure) {
        try {
            c.rollback(start);
            tx.keepAllocations();
            c.commit();
        } catch (SQLException e) {
            failure.addSuppressed(SqlErrors.translate(e));
            rollbackQuietly(c, failure);
        } catch (DataAccessException | MailException e) {
            failure.addSuppressed(e);
            rollbackQuietly(c, failure);
        }
    }

    /** Locks the account's row, creating it first (in its own committed step) when this is the first write. */
    private static Record lockAccount(Connection c, DSLContext db, String account) throws SQLException {
        SqlReader reader = new SqlReader(db, account);
        Record row = reader.accountRow(true);
        if (row != null) {
            return row;
        }
        c.rollback();
        try {
            db.insertInto(Tables.Account.TABLE)
                    .set(Tables.Account.ACCOUNT_ID, account)
                    .set(Tables.Account.HIGHEST_MODSEQ, 0L)
                    .set(Tables.Account.LAST_UID_VALIDITY, 0L)
                    .set(Tables.Account.USAGE_BYTES, 0L)
                    .set(Tables.Account.USAGE_MESSAGES, 0L)
                    .execute();
            c.commit();
        } catch (DataAccessException | MailException e) {
            c.rollback();
            // Another writer created the row first: fine. Anything else surfaces below, on the lock.
        }
        row = reader.accountRow(true);
        if (row == null) {
            throw new IllegalStateException("the account row of " + account + " could not be created");
        }
        return row;
    }

    private DSLContext dsl(Connection c) {
        return DSL.using(configuration.derive(new DefaultConnectionProvider(c)));
    }

    private static void rollbackQuietly(Connection c, Throwable failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
