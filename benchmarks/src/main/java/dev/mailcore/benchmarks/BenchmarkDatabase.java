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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the SQL benchmarks keep their data: H2 files in a temporary directory, or a real PostgreSQL server started
 * from a Maven artifact (default server settings, so commits are fsynced). Each {@link #newStore()} is empty.
 */
final class BenchmarkDatabase implements AutoCloseable {
    private final String kind;
    private final Path directory;
    private final EmbeddedPostgres postgres;
    private int stores;

    BenchmarkDatabase(String kind) {
        this.kind = kind;
        try {
            directory = Files.createTempDirectory("mailcore-sql-bench");
            postgres = switch (kind) {
                case "h2" -> null;
                case "postgres" -> EmbeddedPostgres.builder().start();
                default -> throw new IllegalArgumentException("database is h2 or postgres: " + kind);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new, empty store: an H2 file of its own, or a schema of its own on the PostgreSQL server. */
    SqlMetadataStore newStore() {
        String name = "store" + ++stores;
        if (postgres == null) {
            return SqlMetadataStore.h2(directory.resolve(name));
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a schema on PostgreSQL", e);
        }
        return SqlMetadataStore.connect(
                postgres.getJdbcUrl("postgres", "postgres") + "&currentSchema=" + name, "postgres", null);
    }

    @Override
    public void close() {
        try {
            if (postgres != null) {
                postgres.close();
            }
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return kind;
    }
}
