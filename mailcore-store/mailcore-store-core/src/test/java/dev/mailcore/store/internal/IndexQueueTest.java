/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 1, unit = TimeUnit.MINUTES)
class IndexQueueTest {
    @Test
    void updatesRunInSubmissionOrderAndAwaitDoneSeesThemAll() {
        List<Integer> ran = new CopyOnWriteArrayList<>();
        try (IndexQueue queue = new IndexQueue(4, "test-indexer")) {
            for (int i = 0; i < 100; i++) {
                int n = i;
                queue.submit(() -> ran.add(n));
            }
            queue.awaitDone();
            assertThat(ran).hasSize(100).isSorted();
        }
    }

    @Test
    void aFullQueueMakesTheWriterWaitUntilASlotIsFree() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        try (IndexQueue queue = new IndexQueue(1, "test-indexer")) {
            queue.submit(() -> {
                await(release);
                ran.add("first");
            });
            // The worker holds the first update; this one fills the queue.
            queue.submit(() -> ran.add("second"));
            Thread writer = Thread.ofVirtual().start(() -> queue.submit(() -> ran.add("third")));
            writer.join(200);
            assertThat(writer.isAlive())
                    .as("the writer waits while the queue is full")
                    .isTrue();

            release.countDown();
            writer.join();
            queue.awaitDone();
            assertThat(ran).containsExactly("first", "second", "third");
        }
    }

    @Test
    void closeRunsWhatIsQueuedAndLaterUpdatesRunOnTheCaller() {
        List<String> ran = new CopyOnWriteArrayList<>();
        IndexQueue queue = new IndexQueue(10, "test-indexer");
        for (int i = 0; i < 5; i++) {
            queue.submit(() -> ran.add(Thread.currentThread().getName()));
        }
        queue.close();
        assertThat(ran).hasSize(5).allMatch("test-indexer"::equals);

        queue.submit(() -> ran.add("after close"));
        queue.awaitDone();
        assertThat(ran).hasSize(6).endsWith("after close");
    }

    @Test
    void aFailingUpdateDoesNotStopTheOnesAfterIt() {
        List<String> ran = new CopyOnWriteArrayList<>();
        try (IndexQueue queue = new IndexQueue(10, "test-indexer")) {
            queue.submit(() -> {
                throw new IllegalStateException("index closed");
            });
            queue.submit(() -> ran.add("next"));
            queue.awaitDone();
            assertThat(ran).containsExactly("next");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
