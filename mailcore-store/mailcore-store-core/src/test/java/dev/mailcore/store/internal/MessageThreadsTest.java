/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.search.ThreadAlgorithm;
import dev.mailcore.api.search.ThreadNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageThreadsTest {
    private static MessageThreads.Item item(long uid, String id, List<String> refs, String subject) {
        return new MessageThreads.Item(uid, id, refs, subject, Instant.ofEpochSecond(1_000 + uid));
    }

    private static ThreadNode leaf(long uid) {
        return new ThreadNode(uid, List.of());
    }

    @Test
    void referenceLoopsDoNotHangOrLoseMessages() {
        List<ThreadNode> threads = MessageThreads.thread(
                List.of(item(1, "a", List.of("b"), "one"), item(2, "b", List.of("a"), "two")),
                ThreadAlgorithm.REFERENCES);
        assertThat(threads).containsExactly(new ThreadNode(2, List.of(leaf(1))));
    }

    @Test
    void aDuplicateMessageIdIsAMessageOfItsOwn() {
        List<ThreadNode> threads = MessageThreads.thread(
                List.of(item(1, "a", List.of(), "one"), item(2, "a", List.of(), "two")), ThreadAlgorithm.REFERENCES);
        assertThat(threads).containsExactly(leaf(1), leaf(2));
    }

    @Test
    void twoOriginalsWithOneSubjectShareAPlaceholder() {
        List<ThreadNode> threads = MessageThreads.thread(
                List.of(
                        item(1, "a", List.of(), "Plan"),
                        item(2, "b", List.of(), "plan"),
                        item(3, null, List.of(), "Re: plan")),
                ThreadAlgorithm.REFERENCES);
        assertThat(threads).containsExactly(new ThreadNode(0, List.of(leaf(1), leaf(2), leaf(3))));
    }

    @Test
    void aReplyJoinsTheOriginalOfItsSubject() {
        List<ThreadNode> threads = MessageThreads.thread(
                List.of(item(1, "a", List.of(), "Re: plan"), item(2, "b", List.of(), "plan")),
                ThreadAlgorithm.REFERENCES);
        assertThat(threads).containsExactly(new ThreadNode(2, List.of(leaf(1))));
    }
}
