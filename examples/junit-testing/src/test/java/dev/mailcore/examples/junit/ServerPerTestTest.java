/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.examples.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.testing.MailcoreExtension;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A server per test (an instance field), with STARTTLS: the mailer's session trusts the test's own CA. */
class ServerPerTestTest {
    @RegisterExtension
    MailcoreExtension mail = MailcoreExtension.create().withTls().withUser("alice@example.com", "secret");

    @Test
    void oneRequestSendsOneMail() throws Exception {
        new PasswordResetMailer(mail.smtpSession(), "no-reply@shop.example")
                .send("alice@example.com", URI.create("https://shop.example/reset?token=1"));

        assertThat(mail.waitForIncomingEmail(Duration.ofSeconds(10), 1)).isTrue();
        assertThat(mail.receivedMessages()).hasSize(1);
        assertThat(mail.receivedMessages().getFirst().getHeader("Received")[0]).contains("TLS");
    }

    @Test
    void noRequestNoMail() {
        assertThat(mail.waitForIncomingEmail(Duration.ofMillis(200), 1)).isFalse();
        assertThat(mail.receivedMessages()).isEmpty();
    }
}
