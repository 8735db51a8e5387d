/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.QueuedMessage;
import dev.mailcore.api.VacationResponse;
import dev.mailcore.store.MailEngine;
import dev.mailcore.store.tck.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's delivery answers for an account on vacation: remote senders through the outbound queue, within the
 * vacation's dates, once per sender per period.
 */
class VacationDeliveryTest {
    private static final Instant START = Instant.parse("2026-07-01T08:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final MemoryDirectory directory = MemoryDirectory.builder()
            .domain("example.com")
            .user("bob", "pw")
            .pbkdf2Iterations(1_000)
            .build();
    private final MemoryAccountObjectStore objects = new MemoryAccountObjectStore();
    private final MemoryOutboundQueue queue = new MemoryOutboundQueue(new MemoryBlobStore(), clock);
    private final MailEngine engine = MailEngine.builder()
            .metadataStore(new MemoryMetadataStore())
            .blobStore(new MemoryBlobStore())
            .directory(directory)
            .accountObjects(objects)
            .outboundQueue(queue)
            .clock(clock)
            .build();
    private final AccountId bob = directory.byLogin("bob").orElseThrow().id();

    @AfterEach
    void close() {
        engine.close();
    }

    private void vacation(Instant from, Instant to) {
        objects.put(
                bob,
                VacationResponse.TYPE,
                VacationResponse.ID,
                new VacationResponse(
                                true,
                                Optional.ofNullable(from),
                                Optional.ofNullable(to),
                                Optional.of("Away"),
                                Optional.of("Back in July."),
                                Optional.empty())
                        .encode());
    }

    private void deliver(String sender, String to, String extraHeaders) {
        String message = "From: " + sender + "\r\nTo: " + to + "\r\nSubject: Hello\r\nMessage-ID: <m1@example.org>\r\n"
                + extraHeaders + "\r\nHi Bob\r\n";
        engine.deliveries().deliver(bob, sender, new ByteArrayInputStream(message.getBytes(StandardCharsets.US_ASCII)));
    }

    private String text(QueuedMessage queued) throws IOException {
        try (InputStream in = queue.open(queued.id())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aRemoteSenderIsAnsweredThroughTheQueueFromTheNullSender() throws IOException {
        vacation(null, null);

        deliver("carol@example.org", "bob@example.com", "");

        List<QueuedMessage> queued = queue.list(10);
        assertThat(queued).hasSize(1);
        assertThat(queued.getFirst().envelope().sender()).isEmpty();
        assertThat(queued.getFirst().envelope().recipients().getFirst().address())
                .isEqualTo("carol@example.org");
        String reply = text(queued.getFirst());
        assertThat(reply)
                .contains("Auto-Submitted: auto-replied")
                .contains("Subject: Away")
                .contains("In-Reply-To: <m1@example.org>")
                .contains("From: bob@example.com")
                .contains("Back in July.");
    }

    @Test
    void aSenderIsAnsweredAgainAfterThePeriodOrANewSetting() {
        vacation(null, null);
        deliver("carol@example.org", "bob@example.com", "");
        deliver("carol@example.org", "bob@example.com", "");
        assertThat(queue.list(10)).hasSize(1);

        clock.advance(Duration.ofDays(8));
        deliver("carol@example.org", "bob@example.com", "");
        assertThat(queue.list(10)).hasSize(2);

        vacation(null, null);
        deliver("carol@example.org", "bob@example.com", "");
        assertThat(queue.list(10)).hasSize(3);
    }

    @Test
    void whoWasAnsweredIsForgottenOnceThePeriodIsOver() {
        vacation(null, null);
        deliver("carol@example.org", "bob@example.com", "");
        deliver("dave@example.org", "bob@example.com", "");
        assertThat(replied()).containsExactly("carol@example.org", "dave@example.org");

        clock.advance(Duration.ofDays(3));
        deliver("erin@example.org", "bob@example.com", "");
        assertThat(replied()).containsExactly("carol@example.org", "dave@example.org", "erin@example.org");

        clock.advance(Duration.ofDays(5));
        deliver("frank@example.org", "bob@example.com", "");
        assertThat(replied()).containsExactly("erin@example.org", "frank@example.org");

        // A new setting answers everybody again: what was recorded under the old one goes at the next answer.
        clock.advance(Duration.ofDays(1));
        vacation(null, null);
        deliver("carol@example.org", "bob@example.com", "");
        assertThat(replied()).containsExactly("carol@example.org");
        assertThat(queue.list(10)).hasSize(5);
    }

    private List<String> replied() {
        return objects.list(bob, "VacationReplied").stream().map(o -> o.id()).toList();
    }

    @Test
    void outsideItsDatesOrWhenNotNamedThereIsNoAnswer() {
        vacation(START.plus(Duration.ofDays(1)), null);
        deliver("carol@example.org", "bob@example.com", "");
        vacation(null, START);
        deliver("carol@example.org", "bob@example.com", "");
        vacation(START, START.plusSeconds(1));
        deliver("carol@example.org", "team@example.org", "");
        deliver("", "bob@example.com", "");
        deliver("MAILER-DAEMON@example.org", "bob@example.com", "");
        deliver("list-request@example.org", "bob@example.com", "");
        deliver("dave@example.org", "bob@example.com", "Precedence: junk\r\n");

        assertThat(queue.list(10)).isEmpty();

        deliver("dave@example.org", "Bob <bob+travel@example.com>", "");
        assertThat(queue.list(10)).hasSize(1);
    }
}
