/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.spi.AccountObjectStore;
import dev.mailcore.api.spi.AccountObjectStore.ObjectChanges;
import dev.mailcore.api.spi.AccountObjectStore.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AccountObjectStore}. An adapter's test extends this class and implements {@link #newStore()}:
 *
 * <pre>{@code
 * class MyAccountObjectStoreTest extends AccountObjectStoreContract {
 *     protected AccountObjectStore newStore() { return new MyAccountObjectStore(...); }
 * }
 * }</pre>
 */
public abstract class AccountObjectStoreContract {
    private static final AccountId ALICE = AccountId.of("alice");
    private static final AccountId BOB = AccountId.of("bob");

    /** A new, empty store. */
    protected abstract AccountObjectStore newStore();

    @Test
    void aPutObjectIsReadBackWithItsStates() {
        AccountObjectStore store = newStore();
        assertThat(store.state(ALICE, "Identity")).isZero();

        long first = store.put(ALICE, "Identity", "I1", "{\"name\":\"Alice\"}");
        long second = store.put(ALICE, "Identity", "I1", "{\"name\":\"Alice A.\"}");

        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(2);
        assertThat(store.state(ALICE, "Identity")).isEqualTo(2);
        assertThat(store.get(ALICE, "Identity", "I1"))
                .contains(new StoredObject("I1", "{\"name\":\"Alice A.\"}", 1, 2));
        assertThat(store.get(ALICE, "Identity", "I2")).isEmpty();
    }

    @Test
    void accountsAndTypesAreSeparate() {
        AccountObjectStore store = newStore();
        store.put(ALICE, "Identity", "x", "alice's");
        store.put(ALICE, "EmailSubmission", "x", "a submission");

        assertThat(store.get(BOB, "Identity", "x")).isEmpty();
        assertThat(store.state(BOB, "Identity")).isZero();
        assertThat(store.get(ALICE, "EmailSubmission", "x").orElseThrow().body())
                .isEqualTo("a submission");
        assertThat(store.state(ALICE, "Identity")).isEqualTo(1);
    }

    @Test
    void listAnswersLiveObjectsOldestFirst() {
        AccountObjectStore store = newStore();
        store.put(ALICE, "Identity", "b", "1");
        store.put(ALICE, "Identity", "a", "2");
        store.put(ALICE, "Identity", "c", "3");
        store.put(ALICE, "Identity", "b", "1 changed");
        store.destroy(ALICE, "Identity", "c");

        assertThat(store.list(ALICE, "Identity"))
                .extracting(StoredObject::id, StoredObject::body)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("b", "1 changed"),
                        org.assertj.core.groups.Tuple.tuple("a", "2"));
    }

    @Test
    void destroyingWhatIsNotThereChangesNothing() {
        AccountObjectStore store = newStore();
        store.put(ALICE, "Identity", "a", "1");

        assertThat(store.destroy(ALICE, "Identity", "missing")).isEmpty();
        assertThat(store.destroy(ALICE, "Identity", "a")).hasValue(2);
        assertThat(store.destroy(ALICE, "Identity", "a")).isEmpty();
        assertThat(store.state(ALICE, "Identity")).isEqualTo(2);
        assertThat(store.get(ALICE, "Identity", "a")).isEmpty();
    }

    @Test
    void changesSinceAStateNameEachIdOnce() {
        AccountObjectStore store = newStore();
        store.put(ALICE, "Identity", "kept", "1");
        store.put(ALICE, "Identity", "changed", "1");
        long since = store.put(ALICE, "Identity", "gone", "1");
        store.put(ALICE, "Identity", "changed", "2");
        store.put(ALICE, "Identity", "changed", "3");
        store.destroy(ALICE, "Identity", "gone");
        store.put(ALICE, "Identity", "new", "1");
        store.put(ALICE, "Identity", "brief", "1");
        long now = store.destroy(ALICE, "Identity", "brief").orElseThrow();

        ObjectChanges changes = store.changesSince(ALICE, "Identity", since).orElseThrow();

        assertThat(changes.created()).containsExactly("new");
        assertThat(changes.updated()).containsExactly("changed");
        assertThat(changes.destroyed()).containsExactly("gone");
        assertThat(changes.newState()).isEqualTo(now);
        assertThat(store.changesSince(ALICE, "Identity", now))
                .contains(new ObjectChanges(List.of(), List.of(), List.of(), now));
        assertThat(store.changesSince(ALICE, "Identity", 0).orElseThrow().created())
                .containsExactlyInAnyOrder("kept", "changed", "new");
    }

    @Test
    void forgottenObjectsAreGoneWithoutATraceOrANewState() {
        AccountObjectStore store = newStore();
        store.put(ALICE, "VacationReplied", "a", "1");
        store.put(ALICE, "VacationReplied", "b", "2");
        store.put(ALICE, "VacationReplied", "c", "3");
        store.destroy(ALICE, "VacationReplied", "c");
        store.put(BOB, "VacationReplied", "a", "bob's");
        long state = store.state(ALICE, "VacationReplied");

        assertThat(store.forget(ALICE, "VacationReplied", List.of("a", "c", "never")))
                .isEqualTo(1);

        assertThat(store.state(ALICE, "VacationReplied")).isEqualTo(state);
        assertThat(store.get(ALICE, "VacationReplied", "a")).isEmpty();
        assertThat(store.list(ALICE, "VacationReplied"))
                .extracting(StoredObject::id)
                .containsExactly("b");
        ObjectChanges all = store.changesSince(ALICE, "VacationReplied", 0).orElseThrow();
        assertThat(all.created()).containsExactly("b");
        assertThat(all.updated()).isEmpty();
        assertThat(all.destroyed()).isEmpty();
        assertThat(store.get(BOB, "VacationReplied", "a")).isPresent();
        assertThat(store.forget(ALICE, "VacationReplied", List.of())).isZero();

        long again = store.put(ALICE, "VacationReplied", "a", "4");
        assertThat(again).isEqualTo(state + 1);
        assertThat(store.get(ALICE, "VacationReplied", "a").orElseThrow().createdState())
                .isEqualTo(again);
    }

    @Test
    void aStateTheTypeNeverHadHasNoChanges() {
        AccountObjectStore store = newStore();
        store.put(ALICE, "Identity", "a", "1");

        assertThat(store.changesSince(ALICE, "Identity", 2)).isEmpty();
        assertThat(store.changesSince(ALICE, "Identity", -1)).isEmpty();
        assertThat(store.changesSince(BOB, "Identity", 0))
                .contains(new ObjectChanges(List.of(), List.of(), List.of(), 0));
    }

    @Test
    void bodiesKeepEveryCharacter() {
        AccountObjectStore store = newStore();
        String body = "line 1\nline 2 – ünïcödé 😀 \\ ' \" ; -- \u0001" + "x".repeat(20_000);
        store.put(ALICE, "Identity", "a", body);

        assertThat(store.get(ALICE, "Identity", "a").orElseThrow().body()).isEqualTo(body);
    }

    @Test
    void concurrentWritesEachGetTheirOwnState() throws Exception {
        AccountObjectStore store = newStore();
        int writers = 4;
        int each = 25;
        List<Future<List<Long>>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (int w = 0; w < writers; w++) {
                String prefix = "w" + w + "-";
                futures.add(pool.submit(() -> {
                    List<Long> states = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        states.add(store.put(ALICE, "EmailSubmission", prefix + i, "body"));
                    }
                    return states;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get());
            }
            assertThat(all).doesNotHaveDuplicates().hasSize(writers * each);
        }
        assertThat(store.state(ALICE, "EmailSubmission")).isEqualTo(writers * each);
        assertThat(store.list(ALICE, "EmailSubmission")).hasSize(writers * each);
    }
}
