/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailcore.api.AccountChanged;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.Subscription;
import dev.mailcore.api.spi.EventBus;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract of {@link EventBus}. Delivery is at-least-once, so the checks tolerate duplicates. An adapter's test
 * extends this class and implements {@link #newBus()}:
 *
 * <pre>{@code
 * class MyEventBusTest extends EventBusContract {
 *     protected EventBus newBus() { return new MyEventBus(...); }
 * }
 * }</pre>
 */
public abstract class EventBusContract {
    private static final AccountId ALICE = AccountId.of("tck-alice");
    private static final AccountId BOB = AccountId.of("tck-bob");

    protected EventBus bus;

    /** A new bus; the contract closes it after each test. */
    protected abstract EventBus newBus();

    @BeforeEach
    void openBus() {
        bus = newBus();
    }

    @AfterEach
    void closeBus() {
        bus.close();
    }

    private static AccountChanged event(AccountId account, long modSeq) {
        return new AccountChanged(account, modSeq, Set.of(MailboxId.of("INBOX")), false, true);
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5));
    }

    @Test
    void aSubscriberReceivesEventsOfItsAccount() {
        List<AccountChanged> received = new CopyOnWriteArrayList<>();
        bus.subscribe(ALICE, received::add);
        AccountChanged event = event(ALICE, 1);
        bus.publish(event);
        eventually().untilAsserted(() -> assertThat(received).contains(event));
    }

    @Test
    void everySubscriberOfAnAccountReceivesTheEvent() {
        List<AccountChanged> first = new CopyOnWriteArrayList<>();
        List<AccountChanged> second = new CopyOnWriteArrayList<>();
        bus.subscribe(ALICE, first::add);
        bus.subscribe(ALICE, second::add);
        bus.publish(event(ALICE, 1));
        eventually().untilAsserted(() -> {
            assertThat(first).contains(event(ALICE, 1));
            assertThat(second).contains(event(ALICE, 1));
        });
    }

    @Test
    void eventsOfOneAccountArriveInPublicationOrder() {
        List<Long> received = new CopyOnWriteArrayList<>();
        bus.subscribe(ALICE, e -> received.add(e.modSeq()));
        int count = 1_000;
        for (int i = 1; i <= count; i++) {
            bus.publish(event(ALICE, i));
        }
        eventually().untilAsserted(() -> assertThat(received).contains((long) count));
        assertThat(received.stream().distinct().toList())
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, count)
                        .boxed()
                        .toList());
    }

    @Test
    void accountsDoNotSeeEachOthersEvents() {
        List<AccountChanged> alice = new CopyOnWriteArrayList<>();
        List<AccountChanged> bob = new CopyOnWriteArrayList<>();
        bus.subscribe(ALICE, alice::add);
        bus.subscribe(BOB, bob::add);
        bus.publish(event(ALICE, 1));
        bus.publish(event(BOB, 7));
        bus.publish(event(ALICE, 2));
        eventually().untilAsserted(() -> {
            assertThat(alice).contains(event(ALICE, 2));
            assertThat(bob).contains(event(BOB, 7));
        });
        assertThat(alice).allMatch(e -> e.account().equals(ALICE));
        assertThat(bob).allMatch(e -> e.account().equals(BOB));
    }

    @Test
    void aClosedSubscriptionReceivesNothingMore() {
        List<AccountChanged> closed = new CopyOnWriteArrayList<>();
        List<AccountChanged> open = new CopyOnWriteArrayList<>();
        Subscription subscription = bus.subscribe(ALICE, closed::add);
        bus.subscribe(ALICE, open::add);
        subscription.close();
        subscription.close(); // harmless
        bus.publish(event(ALICE, 1));
        eventually().untilAsserted(() -> assertThat(open).contains(event(ALICE, 1)));
        assertThat(closed).isEmpty();
    }

    @Test
    void noCallStartsAfterCloseReturnsEvenDuringDelivery() {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch firstCall = new CountDownLatch(1);
        Subscription subscription = bus.subscribe(ALICE, e -> {
            calls.incrementAndGet();
            firstCall.countDown();
        });
        List<AccountChanged> witness = new CopyOnWriteArrayList<>();
        bus.subscribe(ALICE, witness::add);
        for (int i = 1; i <= 2_000; i++) {
            bus.publish(event(ALICE, i));
        }
        eventually().until(() -> firstCall.getCount() == 0);
        subscription.close();
        int callsAtClose = calls.get();
        bus.publish(event(ALICE, 5_000));
        eventually().untilAsserted(() -> assertThat(witness).contains(event(ALICE, 5_000)));
        assertThat(calls).hasValue(callsAtClose);
    }

    @Test
    void aThrowingListenerStaysSubscribed() {
        List<AccountChanged> received = new CopyOnWriteArrayList<>();
        bus.subscribe(ALICE, e -> {
            received.add(e);
            throw new IllegalStateException("listener bug (expected by the test)");
        });
        bus.publish(event(ALICE, 1));
        bus.publish(event(ALICE, 2));
        eventually().untilAsserted(() -> assertThat(received).contains(event(ALICE, 1), event(ALICE, 2)));
    }

    @Test
    @Timeout(30) // a publish that waited for the blocked listener would never return
    void publishDoesNotWaitForASlowListener() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<AccountChanged> received = new CopyOnWriteArrayList<>();
        Consumer<AccountChanged> slow = e -> {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            received.add(e);
        };
        bus.subscribe(ALICE, slow);
        for (int i = 1; i <= 100; i++) {
            bus.publish(event(ALICE, i));
        }
        release.countDown();
        eventually().untilAsserted(() -> assertThat(received).contains(event(ALICE, 100)));
    }
}
