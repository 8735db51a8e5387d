/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcore.api.BlobId;
import dev.mailcore.api.DsnNotify;
import dev.mailcore.api.DsnReturn;
import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.api.OutboundEnvelope;
import dev.mailcore.api.OutboundRecipient;
import dev.mailcore.api.QueuedMessage;
import dev.mailcore.api.spi.OutboundQueue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link OutboundQueue}. An adapter's test extends this class and implements {@link #newQueue()}:
 *
 * <pre>{@code
 * class MyOutboundQueueTest extends OutboundQueueContract {
 *     protected OutboundQueue newQueue() { return new MyOutboundQueue(...); }
 * }
 * }</pre>
 */
public abstract class OutboundQueueContract {
    private static final byte[] MESSAGE = "Subject: out\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

    /** A new, empty queue. */
    protected abstract OutboundQueue newQueue();

    static OutboundEnvelope envelope(String sender, String... recipients) {
        return new OutboundEnvelope(
                sender,
                java.util.Arrays.stream(recipients).map(OutboundRecipient::of).toList(),
                Optional.empty(),
                Optional.empty());
    }

    @Test
    void anEnqueuedMessageIsListedWithItsEnvelopeAndBytes() throws IOException {
        OutboundQueue queue = newQueue();
        OutboundEnvelope envelope = new OutboundEnvelope(
                "alice@example.com",
                List.of(
                        new OutboundRecipient(
                                "bob@example.org",
                                Set.of(DsnNotify.SUCCESS, DsnNotify.FAILURE),
                                Optional.of("rfc822;bob@example.org")),
                        OutboundRecipient.of("carol@example.net")),
                Optional.of(DsnReturn.HDRS),
                Optional.of("envelope 1"));

        QueuedMessage queued = queue.enqueue(envelope, new ByteArrayInputStream(MESSAGE));

        assertThat(queued.envelope()).isEqualTo(envelope);
        assertThat(queued.size()).isEqualTo(MESSAGE.length);
        assertThat(queue.list(10)).containsExactly(queued);
        assertThat(queue.peek(queued.id())).contains(queued);
        try (InputStream in = queue.open(queued.id())) {
            assertThat(in.readAllBytes()).isEqualTo(MESSAGE);
        }
    }

    @Test
    void theNullSenderAndNoDsnParametersSurviveTheQueue() {
        OutboundQueue queue = newQueue();
        QueuedMessage queued = queue.enqueue(envelope("", "bob@example.org"), new ByteArrayInputStream(MESSAGE));
        assertThat(queue.peek(queued.id()).orElseThrow().envelope()).isEqualTo(envelope("", "bob@example.org"));
    }

    @Test
    void listIsOldestFirstAndHonoursTheLimit() {
        OutboundQueue queue = newQueue();
        QueuedMessage first =
                queue.enqueue(envelope("a@example.com", "x@example.org"), new ByteArrayInputStream(MESSAGE));
        QueuedMessage second =
                queue.enqueue(envelope("b@example.com", "y@example.org"), new ByteArrayInputStream(MESSAGE));
        assertThat(queue.list(10)).extracting(QueuedMessage::id).containsExactly(first.id(), second.id());
        assertThat(queue.list(1)).extracting(QueuedMessage::id).containsExactly(first.id());
    }

    @Test
    void aRemovedMessageIsGone() {
        OutboundQueue queue = newQueue();
        QueuedMessage queued =
                queue.enqueue(envelope("a@example.com", "x@example.org"), new ByteArrayInputStream(MESSAGE));
        assertThat(queue.remove(queued.id())).isTrue();
        assertThat(queue.remove(queued.id())).isFalse();
        assertThat(queue.peek(queued.id())).isEmpty();
        assertThat(queue.list(10)).isEmpty();
        assertThatThrownBy(() -> queue.open(queued.id()))
                .isInstanceOfSatisfying(
                        MailException.class, e -> assertThat(e.reason()).isEqualTo(ErrorReason.NOT_FOUND));
    }

    @Test
    void concurrentEnqueuesGetDistinctIds() throws Exception {
        OutboundQueue queue = newQueue();
        Set<String> ids = new HashSet<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<QueuedMessage>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String sender = "s" + i + "@example.com";
                futures.add(pool.submit(
                        () -> queue.enqueue(envelope(sender, "x@example.org"), new ByteArrayInputStream(MESSAGE))));
            }
            for (Future<QueuedMessage> f : futures) {
                ids.add(f.get().id());
            }
        }
        assertThat(ids).hasSize(40);
        assertThat(queue.list(100)).hasSize(40);
    }

    @Test
    void queuedMessagesReferenceTheirBlobsUntilRemoved() {
        OutboundQueue queue = newQueue();
        byte[] other = "Subject: other\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
        QueuedMessage first =
                queue.enqueue(envelope("a@example.com", "x@example.org"), new ByteArrayInputStream(MESSAGE));
        QueuedMessage second =
                queue.enqueue(envelope("b@example.com", "y@example.org"), new ByteArrayInputStream(other));
        BlobId unrelated = TckRecords.blobOf("not queued");

        assertThat(queue.referencedBlobs(List.of(first.blob(), second.blob(), unrelated)))
                .containsExactlyInAnyOrder(first.blob(), second.blob());
        queue.remove(second.id());
        assertThat(queue.referencedBlobs(List.of(first.blob(), second.blob(), unrelated)))
                .containsExactly(first.blob());
        assertThat(queue.referencedBlobs(List.of())).isEmpty();
    }
}
