/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql.internal;

import dev.mailcore.api.Quota;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConnectionProvider;

/**
 * Runs directory lookups and changes in transactions on pooled connections (auto-commit off). A change first locks
 * the one row of {@code mc_dir_lock}, so changes run one at a time across every node sharing the database.
 */
public final class DirectoryDatabase {
    private final DataSource dataSource;
    private final Configuration configuration;
    private final Quota defaultQuota;

    public DirectoryDatabase(DataSource dataSource, Configuration configuration, Quota defaultQuota) {
        this.dataSource = dataSource;
        this.configuration = configuration;
        this.defaultQuota = defaultQuota;
    }

    public <T> T read(Function<DirectoryReads, T> work) {
        return inTransaction(db -> work.apply(new DirectoryReads(db, defaultQuota)));
    }

    public <T> T write(Function<DirectoryWrites, T> work) {
        return inTransaction(db -> {
            DirectoryWrites writes = new DirectoryWrites(db, defaultQuota);
            writes.lock();
            return work.apply(writes);
        });
    }

    private <T> T inTransaction(Function<DSLContext, T> work) {
        try (Connection c = dataSource.getConnection()) {
            try {
                T result = work.apply(DSL.using(configuration.derive(new DefaultConnectionProvider(c))));
                c.commit();
                return result;
            } catch (DataAccessException e) {
                rollbackQuietly(c, e);
                // Under the lock no check can be raced, so a constraint violation is a fault, not a taken name.
                throw SqlErrors.uniqueViolationOr(e, () -> new IllegalStateException("directory entry is taken", e));
            } catch (RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    private static void rollbackQuietly(Connection c, Throwable failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
