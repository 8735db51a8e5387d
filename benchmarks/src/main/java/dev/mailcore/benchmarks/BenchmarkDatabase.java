/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks;

import dev.mailcore.store.sql.SqlMetadataStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Where the SQL benchmarks keep their data: H2 files, or a real PostgreSQL server started from a Maven artifact
 * (default server settings, so commits are fsynced). {@link #newStore()} is empty; {@link #seededStore} is filled
 * once and kept under the temporary directory across runs (JMH runs each benchmark in a JVM of its own, and filling
 * 100,000 messages takes minutes), so delete {@code mailcore-sql-bench-cache} there to fill it again.
 */
final class BenchmarkDatabase implements AutoCloseable {
    private static final Path CACHE = Path.of(System.getProperty("java.io.tmpdir"), "mailcore-sql-bench-cache");

    private final String kind;
    private final Path directory;
    private final EmbeddedPostgres postgres;
    private final List<String> schemas = new ArrayList<>();

    BenchmarkDatabase(String kind) {
        this.kind = kind;
        try {
            directory = Files.createTempDirectory("mailcore-sql-bench");
            postgres = switch (kind) {
                case "h2" -> null;
                case "postgres" ->
                    EmbeddedPostgres.builder()
                            .setDataDirectory(Files.createDirectories(CACHE.resolve("postgres")))
                            .setCleanDataDirectory(false)
                            .start();
                default -> throw new IllegalArgumentException("database is h2 or postgres: " + kind);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new, empty store: an H2 file of its own, or a schema of its own on the PostgreSQL server. */
    SqlMetadataStore newStore() {
        String name = "bench" + System.nanoTime();
        if (postgres == null) {
            return SqlMetadataStore.h2(directory.resolve(name));
        }
        sql("CREATE SCHEMA " + name);
        schemas.add(name);
        return postgresStore(name);
    }

    /**
     * A store filled by {@code seed} the first time {@code key} is asked for, and the same contents every later
     * time, also in later runs. Callers only read it.
     */
    SqlMetadataStore seededStore(String key, Consumer<SqlMetadataStore> seed) {
        return postgres == null ? seededH2(key, seed) : seededPostgres(key, seed);
    }

    private SqlMetadataStore seededH2(String key, Consumer<SqlMetadataStore> seed) {
        Path template = CACHE.resolve("h2-" + key);
        Path done = template.resolve("complete");
        try {
            if (!Files.exists(done)) {
                delete(template);
                try (SqlMetadataStore store = SqlMetadataStore.h2(template)) {
                    seed.accept(store);
                }
                Files.createFile(done);
            }
            // A copy, so the cached file is never opened for writing by a benchmark.
            Path copy = Files.createDirectories(directory.resolve(key));
            Files.copy(template.resolve("metadata.mv.db"), copy.resolve("metadata.mv.db"));
            return SqlMetadataStore.h2(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SqlMetadataStore seededPostgres(String key, Consumer<SqlMetadataStore> seed) {
        String schema = "seeded_" + key;
        if (!schemaExists(schema + "_complete")) {
            sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            sql("CREATE SCHEMA " + schema);
            try (SqlMetadataStore store = postgresStore(schema)) {
                seed.accept(store);
            }
            sql("CREATE SCHEMA " + schema + "_complete");
        }
        return postgresStore(schema);
    }

    private SqlMetadataStore postgresStore(String schema) {
        return SqlMetadataStore.connect(
                postgres.getJdbcUrl("postgres", "postgres") + "&currentSchema=" + schema, "postgres", null);
    }

    private boolean schemaExists(String schema) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT 1 FROM information_schema.schemata WHERE schema_name = '" + schema + "'")) {
            return rs.next();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the schemas of PostgreSQL", e);
        }
    }

    private void sql(String statement) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL failed: " + statement, e);
        }
    }

    @Override
    public void close() {
        try {
            if (postgres != null) {
                for (String schema : schemas) {
                    sql("DROP SCHEMA " + schema + " CASCADE");
                }
                postgres.close();
            }
            delete(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public String toString() {
        return kind;
    }
}
