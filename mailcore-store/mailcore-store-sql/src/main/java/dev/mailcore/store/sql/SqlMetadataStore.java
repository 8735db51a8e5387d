/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.BlobId;
import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.api.spi.MetadataReader;
import dev.mailcore.api.spi.MetadataStore;
import dev.mailcore.api.spi.MetadataTransaction;
import dev.mailcore.store.sql.internal.BlobReferenceQuery;
import dev.mailcore.store.sql.internal.H2CrashRecovery;
import dev.mailcore.store.sql.internal.Migrations;
import dev.mailcore.store.sql.internal.SqlErrors;
import dev.mailcore.store.sql.internal.Transactions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jooq.Configuration;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.slf4j.LoggerFactory;

/**
 * A {@link MetadataStore} in a SQL database: H2 embedded by default, PostgreSQL for production and for several
 * nodes sharing one store. The schema is created and upgraded by versioned scripts when the store is built.
 *
 * <pre>{@code
 * MetadataStore local = SqlMetadataStore.h2(dataDir);          // one file under dataDir
 * MetadataStore shared = SqlMetadataStore.connect("jdbc:postgresql://db/mail", "mail", secret);
 * MetadataStore tuned = SqlMetadataStore.builder()
 *         .jdbcUrl("jdbc:postgresql://db/mail").credentials("mail", secret)
 *         .maxPoolSize(20).connectionTimeout(Duration.ofSeconds(5))
 *         .build();
 * }</pre>
 *
 * <p>The whole {@link MetadataStore} contract holds, durability included: {@link #write} returns after the commit.
 * Write transactions of one account lock that account's row and so run one at a time; reads run in a read-only
 * REPEATABLE READ transaction and see one snapshot. Database failures surface as {@link MailException} with reason
 * {@link ErrorReason#UNAVAILABLE} when trying again may help (connection lost, lock timeout, server restarting)
 * and {@link ErrorReason#CORRUPTION} otherwise; the {@link SQLException} is the cause, and no SQL text is in the
 * message. A transaction opened inside another on the same thread throws {@link IllegalStateException}, and so
 * does any call after {@link #close()}, which closes the connection pool.
 */
public final class SqlMetadataStore implements MetadataStore {
    /** H2's own JDBC isolation level SNAPSHOT: one snapshot of all tables (its REPEATABLE READ is per table). */
    private static final int H2_SNAPSHOT_ISOLATION = 6;
    /** H2 caches parsed statements per session; a write transaction uses more than the default 8. */
    private static final String H2_OPTIONS = ";LOCK_TIMEOUT=30000;QUERY_CACHE_SIZE=64";
    /**
     * H2 keeps no redo log: by default a background thread writes committed changes up to half a second later, so a
     * process killed in that window loses transactions that had returned. With no write delay every commit is
     * written to the file before it returns (the crash-consistency test kills a writer to check this). What H2 2.5
     * then fails to find after a kill, {@link H2CrashRecovery} finds before the next open.
     */
    private static final String H2_FILE_OPTIONS = ";WRITE_DELAY=0";

    /** How long a PostgreSQL statement may go without an answer before its connection counts as lost. */
    private static final Duration POSTGRES_SOCKET_TIMEOUT = Duration.ofSeconds(60);

    private final HikariDataSource writePool;
    private final HikariDataSource readPool;
    private final Transactions transactions;
    private final Configuration jooq;
    /** Set for an in-memory H2 database this store made, which must be dropped on close. */
    private final String dropOnClose;
    // Per store, not static: two stores in one JVM do not see each other's transactions.
    private final ThreadLocal<Boolean> inTransaction = new ThreadLocal<>();
    private volatile boolean closed;

    private SqlMetadataStore(Builder b) {
        String url = b.jdbcUrl;
        SQLDialect dialect = dialectOf(url);
        // Loading and initialising jOOQ costs about what opening an embedded database does, and the two need nothing
        // of each other: on a machine with two cores or more a cold start opens them side by side.
        // SLF4J binds its provider on first use; two threads using it first at once make it warn on stderr.
        LoggerFactory.getILoggerFactory();
        FutureTask<Configuration> jooqSetup = new FutureTask<>(() -> configuration(dialect));
        Thread.ofPlatform().name("mailcore-jooq-setup").daemon().start(jooqSetup);
        writePool = open(poolConfig(b, dialect, "mailcore-metadata", false), url);
        try {
            Migrations.migrate(writePool);
            // PostgreSQL: reads get a pool of their own whose connections stay read-only REPEATABLE READ, so a read
            // costs no round trips to switch a connection's isolation and back. H2 runs in-process: switching is free.
            readPool = dialect == SQLDialect.POSTGRES
                    ? open(poolConfig(b, dialect, "mailcore-metadata-reads", true), url)
                    : writePool;
        } catch (SQLException | RuntimeException e) {
            writePool.close();
            throw e instanceof MailException mail
                    ? mail
                    : new MailException(
                            ErrorReason.UNAVAILABLE,
                            "cannot bring the schema of the metadata database at " + SqlErrors.redact(url)
                                    + " up to date",
                            e);
        }
        Configuration configured;
        try {
            configured = joined(jooqSetup);
        } catch (RuntimeException e) {
            if (readPool != writePool) {
                readPool.close();
            }
            writePool.close();
            throw e;
        }
        this.jooq = configured;
        transactions = new Transactions(
                writePool,
                readPool,
                jooq,
                dialect == SQLDialect.H2 ? H2_SNAPSHOT_ISOLATION : Transactions.POOL_DEFAULT);
        dropOnClose = b.dropOnClose ? url : null;
    }

    private static Configuration configuration(SQLDialect dialect) {
        DefaultConfiguration jooq = new DefaultConfiguration();
        jooq.set(dialect);
        // Unquoted names: each database folds them as it folded the unquoted names of the migration scripts.
        jooq.set(new Settings()
                .withRenderQuotedNames(RenderQuotedNames.NEVER)
                .withExecuteLogging(false)
                .withRenderSchema(false));
        jooq.set(new SqlErrors());
        // The first query of a start (a directory lookup) renders plain SQL with a bind value; doing that once here
        // loads the classes it needs off the start's critical path. Nothing is executed.
        DSL.using(jooq)
                .resultQuery("SELECT account_id FROM mc_dir_account WHERE login_name = ?", "")
                .getSQL(ParamType.INLINED);
        return jooq;
    }

    private static Configuration joined(FutureTask<Configuration> setup) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return setup.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("cannot set up jOOQ", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static HikariConfig poolConfig(Builder b, SQLDialect dialect, String name, boolean forReads) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(b.jdbcUrl);
        config.setUsername(b.user);
        config.setPassword(b.password);
        config.setMaximumPoolSize(b.maxPoolSize);
        config.setConnectionTimeout(b.connectionTimeout.toMillis());
        // Recovery after an outage rests on the pool's defaults: a connection idle for more than half a second is
        // checked (Connection.isValid) before it is handed out, idle ones every two minutes (keepalive), and one
        // that failed with a connection error (SQLState 08..., 57P01) is evicted; new ones replace them once the
        // database answers again. The check must fit in the wait for a connection, or a dead connection would
        // fail the command instead of being replaced.
        config.setValidationTimeout(Math.max(250, Math.min(5_000, b.connectionTimeout.toMillis() / 2)));
        config.setAutoCommit(false);
        config.setReadOnly(forReads);
        config.setTransactionIsolation(forReads ? "TRANSACTION_REPEATABLE_READ" : "TRANSACTION_READ_COMMITTED");
        if (dialect == SQLDialect.POSTGRES) {
            // A generic plan made while a table was nearly empty (a new install) would be kept for the life of the
            // connection: a sequential scan on a table that has grown. Planning each lookup is cheap next to that.
            config.setConnectionInitSql("SET plan_cache_mode = force_custom_plan");
            // Commit the init statement: with auto-commit off it would leave a transaction open on a new connection.
            config.setIsolateInternalQueries(true);
            // A server that disappears mid-statement (host down, network cut) sends no reset; without a read timeout
            // the thread would wait for the kernel's TCP timeout, minutes to hours. No statement of the store takes
            // long, lock waits included, so a minute without an answer means the server is gone: the connection
            // fails with SQLState 08006 (unavailable) and the pool replaces it. Migrations lift the limit on their
            // connection. A socketTimeout or connectTimeout in the URL takes precedence.
            config.addDataSourceProperty("socketTimeout", Long.toString(POSTGRES_SOCKET_TIMEOUT.toSeconds()));
            config.addDataSourceProperty(
                    "connectTimeout", Long.toString(Math.max(1, (b.connectionTimeout.toMillis() + 999) / 1000)));
        }
        return config;
    }

    private static HikariDataSource open(HikariConfig config, String url) {
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new MailException(
                    ErrorReason.UNAVAILABLE, "cannot connect to the metadata database at " + SqlErrors.redact(url), e);
        }
    }

    /**
     * An embedded H2 database in {@code dataDir} (created if missing), file {@code metadata.mv.db}. Only one
     * process can open it at a time. After a shutdown that was not clean (the process killed), opening first reads
     * the whole file to find the last commits, which takes longer the larger the file.
     */
    public static SqlMetadataStore h2(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        Path file = dataDir.toAbsolutePath().resolve("metadata");
        H2CrashRecovery.recoverIfNotClosedCleanly(dataDir.toAbsolutePath().resolve("metadata.mv.db"));
        return builder()
                .jdbcUrl("jdbc:h2:file:" + file + H2_OPTIONS + H2_FILE_OPTIONS)
                .build();
    }

    /** A private in-memory H2 database, gone on {@link #close()}: for tests and demos. */
    public static SqlMetadataStore h2InMemory() {
        Builder b = builder().jdbcUrl("jdbc:h2:mem:mailcore-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + H2_OPTIONS);
        b.dropOnClose = true;
        return b.build();
    }

    /** A database reached by JDBC URL ({@code jdbc:postgresql:...} or {@code jdbc:h2:...}), with default pooling. */
    public static SqlMetadataStore connect(String jdbcUrl, String user, String password) {
        return builder().jdbcUrl(jdbcUrl).credentials(user, password).build();
    }

    /** A builder for every setting; only the JDBC URL is required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public <T> T read(AccountId account, Function<MetadataReader, T> work) {
        Objects.requireNonNull(work, "work");
        return alone(account, () -> transactions.read(account, work));
    }

    @Override
    public <T> T readLatest(AccountId account, Function<MetadataReader, T> work) {
        Objects.requireNonNull(work, "work");
        return alone(account, () -> transactions.readLatest(account, work));
    }

    @Override
    public <T> T write(AccountId account, Function<MetadataTransaction, T> work) {
        Objects.requireNonNull(work, "work");
        return alone(account, () -> transactions.write(account, work));
    }

    @Override
    public Set<BlobId> referencedBlobs(Collection<BlobId> candidates) {
        requireOpen();
        return BlobReferenceQuery.find(readPool, "mc_email", candidates);
    }

    /** Closes the connection pool (and drops the database of {@link #h2InMemory()}); later calls throw. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        readPool.close();
        writePool.close();
        if (dropOnClose != null) {
            try (Connection c = DriverManager.getConnection(dropOnClose);
                    Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw SqlErrors.translate(e);
            }
        }
    }

    /** The pool a {@link SqlDirectory} on this store shares (its connections are READ COMMITTED, read-write). */
    DataSource writePool() {
        requireOpen();
        return writePool;
    }

    /** The jOOQ settings of this store's queries, which a {@link SqlDirectory} on it shares. */
    Configuration jooqConfiguration() {
        return jooq;
    }

    void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the metadata store is closed");
        }
    }

    /** Runs one transaction of this thread, refusing one opened from inside another. */
    private <T> T alone(AccountId account, Supplier<T> transaction) {
        Objects.requireNonNull(account, "account");
        requireOpen();
        if (inTransaction.get() != null) {
            throw new IllegalStateException("a transaction must not open another transaction");
        }
        inTransaction.set(Boolean.TRUE);
        try {
            return transaction.get();
        } finally {
            inTransaction.remove();
        }
    }

    private static SQLDialect dialectOf(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return SQLDialect.H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return SQLDialect.POSTGRES;
        }
        throw new IllegalArgumentException(
                "unsupported database (use jdbc:h2: or jdbc:postgresql:): " + SqlErrors.redact(jdbcUrl));
    }

    /**
     * Settings of a {@link SqlMetadataStore}. Each setting may be given once; {@link #build()} fails fast with a
     * message saying what is missing or wrong.
     */
    public static final class Builder {
        private String jdbcUrl;
        private String user;
        private String password;
        private boolean credentialsSet;
        private int maxPoolSize;
        private Duration connectionTimeout;
        private boolean dropOnClose;

        private Builder() {}

        /** Required: {@code jdbc:postgresql://host/db} or {@code jdbc:h2:file:/path/name}. */
        public Builder jdbcUrl(String jdbcUrl) {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            requireUnset(this.jdbcUrl == null, "jdbcUrl");
            dialectOf(jdbcUrl);
            this.jdbcUrl = jdbcUrl;
            return this;
        }

        /** The database user and password; none by default (H2's embedded default user). */
        public Builder credentials(String user, String password) {
            requireUnset(!credentialsSet, "credentials");
            this.user = user;
            this.password = password;
            credentialsSet = true;
            return this;
        }

        /** The most connections a pool opens (on PostgreSQL reads and writes have a pool each); default 10. */
        public Builder maxPoolSize(int maxPoolSize) {
            requireUnset(this.maxPoolSize == 0, "maxPoolSize");
            if (maxPoolSize < 1) {
                throw new IllegalArgumentException("maxPoolSize must be positive: " + maxPoolSize);
            }
            this.maxPoolSize = maxPoolSize;
            return this;
        }

        /** How long a transaction waits for a free connection before failing as unavailable; default 10 s. */
        public Builder connectionTimeout(Duration connectionTimeout) {
            Objects.requireNonNull(connectionTimeout, "connectionTimeout");
            requireUnset(this.connectionTimeout == null, "connectionTimeout");
            if (connectionTimeout.toMillis() < 250) {
                throw new IllegalArgumentException("connectionTimeout must be at least 250 ms: " + connectionTimeout);
            }
            this.connectionTimeout = connectionTimeout;
            return this;
        }

        /**
         * Connects, brings the schema up to date and returns the store.
         *
         * @throws MailException {@link ErrorReason#UNAVAILABLE} when the database cannot be reached; the message
         *     names the URL (without password)
         */
        public SqlMetadataStore build() {
            if (jdbcUrl == null) {
                throw new IllegalStateException("set jdbcUrl before build()");
            }
            if (maxPoolSize == 0) {
                maxPoolSize = 10;
            }
            if (connectionTimeout == null) {
                connectionTimeout = Duration.ofSeconds(10);
            }
            return new SqlMetadataStore(this);
        }

        private static void requireUnset(boolean unset, String setting) {
            if (!unset) {
                throw new IllegalStateException(setting + " was already set");
            }
        }
    }
}
