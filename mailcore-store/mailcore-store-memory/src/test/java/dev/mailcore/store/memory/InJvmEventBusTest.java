/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mailcore.api.AccountChanged;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.spi.EventBus;
import dev.mailcore.store.tck.EventBusContract;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InJvmEventBusTest extends EventBusContract {
    @Override
    protected EventBus newBus() {
        return new InJvmEventBus();
    }

    @Test
    void aClosedBusRefusesWork() {
        EventBus closed = new InJvmEventBus();
        closed.close();
        AccountId account = AccountId.of("a");
        assertThatThrownBy(() -> closed.publish(new AccountChanged(account, 1, Set.of(), true, false)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> closed.subscribe(account, e -> {})).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeStopsTheDispatchThread() {
        EventBus bus = new InJvmEventBus();
        AccountId account = AccountId.of("a");
        AtomicReference<Thread> dispatcher = new AtomicReference<>();
        bus.subscribe(account, e -> dispatcher.set(Thread.currentThread()));
        bus.publish(new AccountChanged(account, 1, Set.of(), true, false));
        await().atMost(Duration.ofSeconds(10)).until(() -> dispatcher.get() != null);
        assertThat(dispatcher.get().isDaemon()).isTrue();
        bus.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> !dispatcher.get().isAlive());
    }
}
