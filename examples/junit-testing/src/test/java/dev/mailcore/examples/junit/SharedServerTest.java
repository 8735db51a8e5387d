/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.examples.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.testing.MailUser;
import dev.mailcore.testing.MailcoreExtension;
import jakarta.mail.Folder;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One server for the whole class (a static field); the tests run in parallel and each uses a user of its own, so
 * none sees another's mail.
 */
class SharedServerTest {
    @RegisterExtension
    static MailcoreExtension mail = MailcoreExtension.create();

    @RepeatedTest(4)
    void theResetMailCarriesTheLink() throws Exception {
        MailUser customer = mail.newUser();
        URI link = URI.create("https://shop.example/reset?token=" + UUID.randomUUID());

        new PasswordResetMailer(mail.smtpSession(), "no-reply@shop.example").send(customer.address(), link);

        assertThat(customer.waitForIncomingEmail(Duration.ofSeconds(10), 1)).isTrue();
        MimeMessage received = customer.receivedMessages().getFirst();
        assertThat(received.getSubject()).isEqualTo(PasswordResetMailer.SUBJECT);
        assertThat(received.getContent().toString()).contains(link.toString());
    }

    @Test
    void theCustomerReadsItOverImap() throws Exception {
        MailUser customer = mail.newUser();

        new PasswordResetMailer(mail.smtpSession(), "no-reply@shop.example")
                .send(customer.address(), URI.create("https://shop.example/reset?token=imap"));

        assertThat(customer.waitForIncomingEmail(Duration.ofSeconds(10), 1)).isTrue();
        try (Store store = customer.imapStore()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessage(1).getFrom()[0].toString()).isEqualTo("no-reply@shop.example");
            inbox.close(false);
        }
    }
}
