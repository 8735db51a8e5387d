/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.net.ScriptRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class MessageFilterTest {
    @Test
    void filtersSeeTheEnvelopeAndMessageAndDecidePerRecipient() throws Exception {
        List<Envelope> seenBySecond = new CopyOnWriteArrayList<>();
        MessageFilter spam = (envelope, message) -> {
            try {
                String text = new String(message.readAllBytes(), StandardCharsets.UTF_8);
                return text.startsWith("Subject: spam") ? Verdict.reject("No spam here") : Verdict.accept();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        MessageFilter busy = (envelope, message) -> {
            seenBySecond.add(envelope);
            return Verdict.perRecipient(Map.of("bob@example.com", Verdict.tempFail("Bob is busy")));
        };
        try (SmtpFixture smtp =
                new SmtpFixture(b -> b.mode(SmtpMode.LMTP).filter(spam).filter(busy))) {
            ScriptRunner.run("filter.txt", smtp.port());

            assertThat(smtp.inbox("alice@example.com")).hasSize(1);
            assertThat(smtp.inbox("bob@example.com")).isEmpty();
            assertThat(seenBySecond).singleElement().satisfies(envelope -> {
                assertThat(envelope.sender()).isEqualTo("a@example.org");
                assertThat(envelope.recipients()).containsExactly("alice@example.com", "bob@example.com");
                assertThat(envelope.helo()).isEqualTo("client.example.org");
                assertThat(envelope.authenticatedLogin()).isEmpty();
            });
        }
    }
}
