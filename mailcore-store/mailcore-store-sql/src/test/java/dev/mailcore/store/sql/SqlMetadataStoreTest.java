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
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.spi.MailboxRecord;
import dev.mailcore.api.spi.MailboxState;
import dev.mailcore.api.spi.MetadataReader;
import dev.mailcore.api.spi.MetadataTransaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlMetadataStoreTest {
    private static final AccountId ACCOUNT = AccountId.of("alice");
    private static final MailboxId INBOX = MailboxId.of("INBOX");

    @TempDir
    Path dataDir;

    @Test
    void anUnreachableDatabaseFailsAtStartNamingTheUrlButNotThePassword() {
        String url = "jdbc:postgresql://127.0.0.1:1/mail?password=hunter2";
        assertThatThrownBy(() -> SqlMetadataStore.builder()
                        .jdbcUrl(url)
                        .credentials("mail", "secret")
                        .connectionTimeout(Duration.ofSeconds(1))
                        .build())
                .isInstanceOfSatisfying(
                        MailException.class, e -> assertThat(e.reason()).isEqualTo(ErrorReason.UNAVAILABLE))
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/mail")
                .message()
                .doesNotContain("hunter2")
                .doesNotContain("secret");
    }

    @Test
    void anH2StoreKeepsItsDataAcrossReopening() {
        try (SqlMetadataStore store = SqlMetadataStore.h2(dataDir)) {
            store.write(ACCOUNT, tx -> {
                tx.nextModSeq();
                tx.insertMailbox(new MailboxRecord(INBOX, null, "INBOX", null, 7, true, 0));
                return tx.allocateUids(INBOX, 3);
            });
        }
        try (SqlMetadataStore store = SqlMetadataStore.h2(dataDir)) {
            assertThat(store.read(ACCOUNT, MetadataReader::highestModSeq)).isEqualTo(1);
            assertThat(store.<Optional<MailboxState>>read(ACCOUNT, r -> r.mailboxState(INBOX)))
                    .contains(new MailboxState(4, 0));
            assertThat(store.write(ACCOUNT, MetadataTransaction::nextModSeq)).isEqualTo(2);
        }
    }

    @Test
    void anH2FileLeftByAKilledProcessOpensAtItsLastCommit() throws IOException {
        Path copy = Files.createDirectories(dataDir.resolve("copy"));
        try (SqlMetadataStore store = SqlMetadataStore.h2(dataDir)) {
            store.write(ACCOUNT, tx -> {
                tx.nextModSeq();
                tx.insertMailbox(new MailboxRecord(INBOX, null, "INBOX", null, 7, true, 0));
                return null;
            });
            for (int i = 0; i < 20; i++) {
                store.write(ACCOUNT, MetadataTransaction::nextModSeq);
            }
            // What a SIGKILL leaves behind: every returned commit is in the file, and no clean-shutdown mark.
            Files.copy(dataDir.resolve("metadata.mv.db"), copy.resolve("metadata.mv.db"));
        }
        try (SqlMetadataStore store = SqlMetadataStore.h2(copy)) {
            assertThat(store.read(ACCOUNT, MetadataReader::highestModSeq)).isEqualTo(21);
            assertThat(store.write(ACCOUNT, MetadataTransaction::nextModSeq)).isEqualTo(22);
        }
        try (SqlMetadataStore store = SqlMetadataStore.h2(copy)) {
            assertThat(store.read(ACCOUNT, MetadataReader::highestModSeq)).isEqualTo(22);
        }
    }

    @Test
    void theBuilderFailsFastOnMissingOrRepeatedSettings() {
        assertThatThrownBy(() -> SqlMetadataStore.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jdbcUrl");
        assertThatThrownBy(() -> SqlMetadataStore.builder().maxPoolSize(2).maxPoolSize(3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("maxPoolSize");
        assertThatThrownBy(() -> SqlMetadataStore.builder().jdbcUrl("jdbc:mysql://localhost/mail"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported database");
    }
}
