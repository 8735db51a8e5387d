/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A server per test: every method starts with empty mailboxes, even when they run in parallel. */
class PerMethodLifecycleTest {
    @RegisterExtension
    MailcoreExtension mail =
            MailcoreExtension.create().withUser("alice@example.com", "secret").withUser("bob@example.com", "pw");

    @RepeatedTest(3)
    void everyTestStartsWithNoMail() throws Exception {
        assertThat(mail.receivedMessages()).isEmpty();

        Mails.send(mail.smtpSession(), "alice@example.com", "Only here");

        assertThat(Mails.subjects(mail.receivedMessages())).containsExactly("Only here");
    }

    @Test
    void receivedMessagesAreInArrivalOrderAcrossUsers() throws Exception {
        Mails.send(mail.smtpSession(), "bob@example.com", "1 to bob");
        Mails.send(mail.smtpSession(), "alice@example.com", "2 to alice");
        Mails.send(mail.smtpSession(), "bob@example.com", "3 to bob");

        assertThat(mail.waitForIncomingEmail(Duration.ofSeconds(10), 3)).isTrue();
        assertThat(Mails.subjects(mail.receivedMessages())).containsExactly("1 to bob", "2 to alice", "3 to bob");
        assertThat(Mails.subjects(mail.receivedMessagesFor("bob@example.com"))).containsExactly("1 to bob", "3 to bob");
    }

    @Test
    void sendTextEmailGoesThroughSmtp() throws Exception {
        mail.sendTextEmail("bob@example.com", "app@example.org", "Plain", "Just text");

        MimeMessage received = mail.receivedMessagesFor("bob@example.com").getFirst();
        assertThat(received.getSubject()).isEqualTo("Plain");
        assertThat(received.getContent().toString()).isEqualToIgnoringWhitespace("Just text");
        assertThat(received.getHeader("Received")).isNotEmpty();
    }

    @Test
    void purgeDeletesTheMailOfEveryUser() throws Exception {
        Mails.send(mail.smtpSession(), "alice@example.com", "One");
        mail.deliver(
                "From: x@example.org\r\nSubject: Two\r\n\r\nhi\r\n".getBytes(StandardCharsets.US_ASCII),
                "bob@example.com");

        mail.purge();

        assertThat(mail.receivedMessages()).isEmpty();
        try (Store store = mail.imapStore("alice@example.com")) {
            assertThat(Mails.imapSubjects(store, "INBOX")).isEmpty();
        }
        Mails.send(mail.smtpSession(), "alice@example.com", "After purge");
        assertThat(Mails.subjects(mail.receivedMessages())).containsExactly("After purge");
    }

    @Test
    void deliverPutsAMimeMessageStraightIntoTheInbox() throws Exception {
        mail.deliver(
                Mails.message(Session.getInstance(new Properties()), "bob@example.com", "Direct"), "bob@example.com");

        try (Store store = mail.imapStore("bob@example.com")) {
            assertThat(Mails.imapSubjects(store, "INBOX")).containsExactly("Direct");
        }
    }

    @Test
    void loadEmlFillsMailboxesFromFilesAndResources() throws Exception {
        mail.loadEml("eml/basic-plain.eml", "alice@example.com", "INBOX");
        mail.loadEml("eml/simple-attachment.eml", "alice@example.com", "Archive/2007");
        mail.loadEml(resourcePath("eml/qp-body.eml"), "alice@example.com", "INBOX");

        try (Store store = mail.imapStore("alice@example.com")) {
            assertThat(Mails.imapSubjects(store, "INBOX")).containsExactly("Simple Subject", "subject");
            assertThat(Mails.imapSubjects(store, "Archive/2007"))
                    .containsExactly("Here is the attachment I was waiting for.");
        }
        Message withAttachment = mail.receivedMessages().get(1);
        assertThat(((Multipart) withAttachment.getContent()).getBodyPart(1).getFileName())
                .isEqualTo("data.bin");
        assertThat(mail.receivedMessages().get(2).getContent().toString()).contains("euro \u20ac symbol");
    }

    @Test
    void unknownAddressesAndResourcesFailWithTheirName() {
        assertThatThrownBy(() -> mail.deliver(new byte[] {'x'}, "nobody@example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nobody@example.com");
        assertThatThrownBy(() -> mail.loadEml("eml/missing.eml", "alice@example.com", "INBOX"))
                .hasMessageContaining("eml/missing.eml");
        assertThatThrownBy(() -> mail.withUser("late", "pw")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(mail::sslContext).hasMessageContaining("withTls");
    }

    private static Path resourcePath(String name) throws Exception {
        return Path.of(
                PerMethodLifecycleTest.class.getClassLoader().getResource(name).toURI());
    }
}
