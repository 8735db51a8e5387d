/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.api.spi.MetadataReader;
import dev.mailcore.api.spi.MetadataTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A connection lost in the middle of a transaction: a temporary failure, and the store recovers on its own. */
class PostgresFailureTest {
    private static final AccountId ACCOUNT = AccountId.of("alice");

    @Test
    void aLostConnectionFailsTheTransactionAsUnavailableAndTheNextOneWorks() {
        try (SqlMetadataStore store = TestDatabases.postgres()) {
            assertThat(store.write(ACCOUNT, MetadataTransaction::nextModSeq)).isEqualTo(1);

            assertThatThrownBy(() -> store.write(ACCOUNT, tx -> {
                        tx.nextModSeq();
                        terminateSessionsInTransaction();
                        return tx.mailboxes();
                    }))
                    .isInstanceOfSatisfying(MailException.class, e -> {
                        assertThat(e.reason()).isEqualTo(ErrorReason.UNAVAILABLE);
                        assertThat(e.getCause()).isInstanceOf(SQLException.class);
                        assertThat(e.getMessage()).doesNotContainIgnoringCase("select");
                    });

            assertThat(store.read(ACCOUNT, MetadataReader::highestModSeq)).isEqualTo(1);
            assertThat(store.write(ACCOUNT, MetadataTransaction::nextModSeq)).isEqualTo(2);
        }
    }

    /** Ends every other session that is inside a transaction: the store's, waiting for its next statement. */
    private static void terminateSessionsInTransaction() {
        try (Connection admin = TestDatabases.postgresAdmin();
                Statement s = admin.createStatement()) {
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE pid <> pg_backend_pid() AND state = 'idle in transaction'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
