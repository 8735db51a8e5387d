/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.spi.MetadataReader;
import dev.mailcore.api.spi.MetadataStore;
import dev.mailcore.api.spi.MetadataTransaction;
import dev.mailcore.store.tck.MetadataStoreContract;
import org.junit.jupiter.api.Test;

class MemoryMetadataStoreTest extends MetadataStoreContract {
    private static final AccountId ACCOUNT_B = AccountId.of("b");

    @Override
    protected MetadataStore newStore() {
        return new MemoryMetadataStore();
    }

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
    void aClosedStoreRefusesTransactions() {
        MetadataStore closed = new MemoryMetadataStore();
        closed.close();
        assertThatThrownBy(() -> closed.read(ACCOUNT, MetadataReader::highestModSeq))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> closed.write(ACCOUNT, MetadataTransaction::nextModSeq))
                .isInstanceOf(IllegalStateException.class);
    }
}
