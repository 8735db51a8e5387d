/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.ThreadId;
import dev.mailcore.api.spi.MailboxRecord;
import dev.mailcore.api.spi.MailboxState;
import dev.mailcore.api.spi.MetadataReader;
import dev.mailcore.api.spi.MetadataStore;
import dev.mailcore.api.spi.MetadataTransaction;
import dev.mailcore.api.spi.ThreadKey;
import dev.mailcore.store.tck.MetadataStoreContract;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SPI contract plus what the SQL store promises on top, run on each database. */
abstract class SqlMetadataStoreContract extends MetadataStoreContract {
    private static final AccountId ACCOUNT_B = AccountId.of("b");
    private static final MailboxId BOX = MailboxId.of("box");

    @Test
    void aTransactionInsideAnotherIsRefused() {
        assertThatThrownBy(() -> store.write(ACCOUNT, tx -> store.write(ACCOUNT, MetadataTransaction::nextModSeq)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.write(ACCOUNT, tx -> store.read(ACCOUNT_B, MetadataReader::highestModSeq)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.read(ACCOUNT, r -> store.read(ACCOUNT, MetadataReader::highestModSeq)))
                .isInstanceOf(IllegalStateException.class);
        // The refusal leaves the store usable.
        assertThat(store.write(ACCOUNT, MetadataTransaction::nextModSeq)).isEqualTo(1);
    }

    @Test
    void aTransactionUsedAfterItsCallFails() {
        MetadataTransaction escaped = store.write(ACCOUNT, tx -> tx);
        assertThatThrownBy(escaped::nextModSeq).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(escaped::highestModSeq).isInstanceOf(IllegalStateException.class);
        MetadataReader reader = store.read(ACCOUNT, r -> r);
        assertThatThrownBy(reader::usage).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void uidsAllocatedForAMailboxDeletedInTheFailedTransactionStayAllocated() {
        store.write(ACCOUNT, tx -> {
            tx.insertMailbox(new MailboxRecord(BOX, null, "Box", null, 1, true, 0));
            return tx.allocateUids(BOX, 4);
        });
        assertThatThrownBy(() -> store.write(ACCOUNT, tx -> {
                    tx.allocateUids(BOX, 6);
                    tx.deleteMailbox(BOX);
                    throw new IllegalArgumentException("boom");
                }))
                .hasMessage("boom");
        assertThat(store.<Optional<MailboxState>>read(ACCOUNT, r -> r.mailboxState(BOX)))
                .contains(new MailboxState(11, 0));
    }

    @Test
    void uidValidityHandedOutInAFailedTransactionIsNotHandedOutAgain() {
        assertThatThrownBy(() -> store.write(ACCOUNT, tx -> {
                    tx.allocateUidValidity(1_000);
                    throw new IllegalArgumentException("boom");
                }))
                .hasMessage("boom");
        assertThat(store.<Long>write(ACCOUNT, tx -> tx.allocateUidValidity(1))).isEqualTo(1_001);
    }

    @Test
    void threadKeysOfHugeMessageIdsAreStoredAndFound() {
        String huge = "x".repeat(10_000) + "@example.com";
        String hugeToo = "y".repeat(10_000) + "@example.com";
        ThreadKey a = new ThreadKey(huge, ThreadId.of("t1"), "subject");
        ThreadKey b = new ThreadKey(hugeToo, ThreadId.of("t2"), "other");
        store.write(ACCOUNT, tx -> {
            tx.putThreadKeys(List.of(a, b));
            return null;
        });
        ThreadKey replaced = new ThreadKey(huge, ThreadId.of("t3"), "subject");
        store.write(ACCOUNT, tx -> {
            tx.putThreadKeys(List.of(replaced));
            return null;
        });
        assertThat(store.<Map<String, ThreadKey>>read(
                        ACCOUNT, r -> r.threadKeys(List.of(huge, hugeToo, "z".repeat(300)))))
                .isEqualTo(Map.of(huge, replaced, hugeToo, b));
    }

    @Test
    void aClosedStoreRefusesTransactions() {
        MetadataStore closed = newStore();
        closed.close();
        assertThatThrownBy(() -> closed.read(ACCOUNT, MetadataReader::highestModSeq))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> closed.write(ACCOUNT, MetadataTransaction::nextModSeq))
                .isInstanceOf(IllegalStateException.class);
    }
}
