/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class MigrationsTest {
    @Test
    void scriptsSplitAtSemicolonsEndingALineAndSkipComments() {
        assertThat(Migrations.statements("-- a comment\nCREATE TABLE a (\n  x INT\n);\n\nCREATE INDEX i ON a (x);\n"))
                .containsExactly("CREATE TABLE a (\nx INT\n)", "CREATE INDEX i ON a (x)");
    }

    @Test
    void aScriptsVersionIsTheNumberInItsName() {
        assertThat(Migrations.version("V4__scram.sql")).isEqualTo(4);
        assertThat(Migrations.SCRIPTS)
                .extracting(Migrations::version)
                .isSorted()
                .doesNotHaveDuplicates();
    }

    @Test
    void migratingTwiceRunsEachScriptOnce() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        String url = "jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        dataSource.setURL(url);
        try {
            assertThat(Migrations.migrate(dataSource)).isEqualTo(Migrations.SCRIPTS.size());
            assertThat(Migrations.migrate(dataSource)).isZero();
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM mc_schema_version")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(Migrations.SCRIPTS.size());
            }
        } finally {
            try (Connection c = DriverManager.getConnection(url);
                    Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        }
    }
}
