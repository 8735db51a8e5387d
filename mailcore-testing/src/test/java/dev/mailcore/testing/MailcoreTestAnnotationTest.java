/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Store;
import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;

@MailcoreTest(users = "alice@example.com:secret", tls = true)
class MailcoreTestAnnotationTest {
    @RepeatedTest(2)
    void eachTestGetsAFreshServerWithTheUsersAndTls(MailcoreExtension mail) throws Exception {
        assertThat(mail.receivedMessages()).isEmpty();

        mail.sendTextEmail("alice@example.com", "app@example.org", "Hello", "Over STARTTLS");

        assertThat(mail.waitForIncomingEmail(Duration.ofSeconds(10), 1)).isTrue();
        try (Store store = mail.imapStore("alice@example.com")) {
            assertThat(Mails.imapSubjects(store, "INBOX")).containsExactly("Hello");
        }
        assertThat(mail.receivedMessages().getFirst().getHeader("Received")[0]).contains("TLS");
    }
}
