/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The databases the tests run on: a private in-memory H2 per store, and a fresh schema per store on one PostgreSQL
 * server per test JVM. The server is the one at {@code MAILCORE_TEST_PG_URL} (with {@code MAILCORE_TEST_PG_USER}
 * and {@code MAILCORE_TEST_PG_PASSWORD}) when that is set, otherwise a real PostgreSQL started from a Maven
 * artifact. When it cannot start, the tests fail; they never skip.
 */
final class TestDatabases {
    private TestDatabases() {}

    static SqlMetadataStore h2() {
        return SqlMetadataStore.h2InMemory();
    }

    static SqlMetadataStore postgres() {
        return open(newPostgresSchema());
    }

    /** Where a store of its own lives on the test server: a fresh schema, with the credentials to reach it. */
    record PostgresSchema(String url, String user, String password) {}

    static SqlMetadataStore open(PostgresSchema schema) {
        return SqlMetadataStore.builder()
                .jdbcUrl(schema.url())
                .credentials(schema.user(), schema.password())
                .maxPoolSize(9)
                .build();
    }

    static PostgresSchema newPostgresSchema() {
        Server server = Server.INSTANCE;
        // Unique across runs too, for an external server that outlives the test JVM.
        String schema = "mc_test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = postgresAdmin();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema on PostgreSQL", e);
        }
        String separator = server.url.contains("?") ? "&" : "?";
        return new PostgresSchema(server.url + separator + "currentSchema=" + schema, server.user, server.password);
    }

    /** A plain connection to the test server, outside any store. */
    static Connection postgresAdmin() throws SQLException {
        Server server = Server.INSTANCE;
        return DriverManager.getConnection(server.url, server.user, server.password);
    }

    /** One PostgreSQL server for the whole test JVM, started on first use (holder idiom), stopped at exit. */
    private static final class Server {
        static final Server INSTANCE = new Server();

        final String url;
        final String user;
        final String password;

        private Server() {
            String external = System.getenv("MAILCORE_TEST_PG_URL");
            if (external != null && !external.isBlank()) {
                url = external;
                user = System.getenv("MAILCORE_TEST_PG_USER");
                password = System.getenv("MAILCORE_TEST_PG_PASSWORD");
                return;
            }
            EmbeddedPostgres embedded;
            try {
                embedded = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            url = embedded.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = null;
        }
    }
}
