/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Brings the schema up to date at start-up: runs each versioned script of {@link #SCRIPTS} that the
 * {@code mc_schema_version} table does not list yet, in order, and records it.
 *
 * <p>A script and its version row are committed together. On PostgreSQL, whose DDL is transactional, a second node
 * starting at the same time waits on the version row and then skips the script; H2 is embedded and has one process.
 * Scripts are plain SQL, one statement per semicolon at the end of a line, and must run on both databases.
 */
public final class Migrations {
    /**
     * The scripts in version order; the number after the {@code V} is the version, so scripts added on parallel
     * branches keep their own numbers. Never edit a released one: add the next.
     */
    static final List<String> SCRIPTS = List.of(
            "V1__metadata.sql",
            "V2__directory.sql",
            "V3__outbound_queue.sql",
            "V4__scram.sql",
            "V5__blob_references.sql",
            "V6__sql_blobs.sql",
            "V8__jmap_objects.sql",
            "V9__tokens.sql",
            "V10__token_expiry.sql");

    private static final String LOCATION = "/dev/mailcore/store/sql/migration/";

    private Migrations() {}

    /** Applies the missing scripts and returns how many ran. */
    public static int migrate(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (c.getNetworkTimeout() > 0) {
                // A script may rebuild a large table for longer than the pool's read timeout allows a statement; the
                // pool restores the timeout when the connection goes back.
                c.setNetworkTimeout(Runnable::run, 0);
            }
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS mc_schema_version ("
                        + "version INTEGER NOT NULL PRIMARY KEY, script VARCHAR(255) NOT NULL)");
            }
            // One query when the schema is current, as it is at nearly every start; each missing script is still
            // checked again under its own transaction before it runs.
            Set<Integer> present = applied(c);
            c.setAutoCommit(false);
            int applied = 0;
            for (String script : SCRIPTS) {
                int version = version(script);
                if (!present.contains(version) && apply(c, version, script)) {
                    applied++;
                }
            }
            return applied;
        }
    }

    private static Set<Integer> applied(Connection c) throws SQLException {
        Set<Integer> versions = new HashSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version FROM mc_schema_version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
    }

    private static boolean apply(Connection c, int version, String script) throws SQLException {
        try {
            if (isApplied(c, version)) {
                c.commit();
                return false;
            }
            try (PreparedStatement insert =
                    c.prepareStatement("INSERT INTO mc_schema_version (version, script) VALUES (?, ?)")) {
                insert.setInt(1, version);
                insert.setString(2, script);
                insert.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                for (String statement : statements(read(script))) {
                    s.execute(statement);
                }
            }
            c.commit();
            return true;
        } catch (SQLException e) {
            c.rollback();
            if (SqlErrors.isUniqueViolation(e) && isApplied(c, version)) {
                return false; // another node applied it meanwhile
            }
            throw e;
        }
    }

    /** The version a script's name carries: {@code V4__scram.sql} is version 4. */
    static int version(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }

    private static boolean isApplied(Connection c, int version) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM mc_schema_version WHERE version = ?")) {
            select.setInt(1, version);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Splits a script at semicolons that end a line, dropping comment lines. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(trimmed).append('\n');
            }
        }
        if (!current.isEmpty()) {
            out.add(current.toString());
        }
        return out;
    }

    private static String read(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream(LOCATION + script)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the jar: " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
