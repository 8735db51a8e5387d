/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql.internal;

import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.exception.DataAccessException;

/**
 * Turns database failures into the store's errors: {@link ErrorReason#UNAVAILABLE} when trying again may work
 * (connection lost, lock or serialization conflict, server shutting down), {@link ErrorReason#CORRUPTION}
 * otherwise. Messages carry the SQLState only, never SQL text or values; the {@link SQLException} is the cause.
 */
public final class SqlErrors implements ExecuteListener {
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

    /** Installed on every jOOQ query so that a failure inside a transaction surfaces translated. */
    @Override
    public void exception(ExecuteContext ctx) {
        SQLException sql = ctx.sqlException();
        // A unique violation stays jOOQ's: the insert that caused it reports the taken id (see uniqueViolationOr).
        if (sql != null && !isUniqueViolation(sql)) {
            ctx.exception(translate(sql));
        }
    }

    public static MailException translate(SQLException e) {
        String state = e.getSQLState();
        String detail = state == null ? "" : " (SQLState " + state + ")";
        if (isTransient(e)) {
            return new MailException(ErrorReason.UNAVAILABLE, "the metadata database is unavailable" + detail, e);
        }
        return new MailException(ErrorReason.CORRUPTION, "the metadata database failed" + detail, e);
    }

    static boolean isTransient(SQLException e) {
        if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) {
            return true;
        }
        String state = e.getSQLState();
        if (state == null) {
            return e.getCause() instanceof SQLException cause && isTransient(cause);
        }
        return state.startsWith("08") // connection exception
                || state.startsWith("40") // transaction rollback: serialization failure, deadlock
                || state.startsWith("53") // PostgreSQL: insufficient resources
                || state.startsWith("57P") // PostgreSQL: admin shutdown, cannot connect now
                || state.equals("55P03") // PostgreSQL: lock not available
                || state.equals("HYT00") // H2: lock timeout
                || state.equals("90098") // H2: database closed
                || state.equals("90067"); // H2: connection broken
    }

    /**
     * For an insert that relies on the primary key: {@code misuse} when {@code e} is a unique violation, else
     * {@code e} translated.
     */
    static RuntimeException uniqueViolationOr(DataAccessException e, Supplier<RuntimeException> misuse) {
        SQLException sql = e.getCause(SQLException.class);
        if (sql == null) {
            return e;
        }
        return isUniqueViolation(sql) ? misuse.get() : translate(sql);
    }

    public static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /** A JDBC URL fit for a message: any password parameter blanked out. */
    public static String redact(String jdbcUrl) {
        return PASSWORD.matcher(jdbcUrl).replaceAll("$1***");
    }
}
