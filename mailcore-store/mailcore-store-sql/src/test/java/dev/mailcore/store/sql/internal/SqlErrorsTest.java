/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlErrorsTest {
    @ParameterizedTest
    @CsvSource({
        "08006, UNAVAILABLE", // connection failure
        "08001, UNAVAILABLE", // cannot connect
        "40001, UNAVAILABLE", // serialization failure
        "40P01, UNAVAILABLE", // deadlock
        "57P01, UNAVAILABLE", // admin shutdown
        "HYT00, UNAVAILABLE", // H2 lock timeout
        "42601, CORRUPTION", // syntax error: a bug, not worth a retry
        "22001, CORRUPTION" // value too long
    })
    void sqlStatesMapToReasons(String state, ErrorReason reason) {
        SQLException e = new SQLException("ERROR: near SELECT secret FROM mc_email", state);
        MailException translated = SqlErrors.translate(e);
        assertThat(translated.reason()).isEqualTo(reason);
        assertThat(translated.getCause()).isSameAs(e);
        assertThat(translated.getMessage())
                .contains(state)
                .doesNotContain("SELECT")
                .doesNotContain("secret");
    }

    @Test
    void transientExceptionsWithoutStateAreUnavailable() {
        assertThat(SqlErrors.translate(new SQLTransientConnectionException("pool timeout"))
                        .reason())
                .isEqualTo(ErrorReason.UNAVAILABLE);
    }

    @Test
    void passwordsAreBlankedInUrls() {
        assertThat(SqlErrors.redact("jdbc:postgresql://db/mail?user=a&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/mail?user=a&password=***&ssl=true");
    }
}
