/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Persistence on demand: with H2 the mail outlives a restart of the server. */
class PersistenceTest {
    @RegisterExtension
    MailcoreExtension mail = MailcoreExtension.create().withH2().withUser("carol", "pw");

    @Test
    void mailSurvivesARestart() throws Exception {
        Mails.send(mail.smtpSession(), "carol@localhost", "Kept on disk");
        mail.loadEml("eml/basic-plain.eml", "carol", "Old");

        mail.restart();

        assertThat(Mails.subjects(mail.receivedMessages())).containsExactlyInAnyOrder("Kept on disk", "Simple Subject");
        try (Store store = mail.imapStore("carol")) {
            assertThat(Mails.imapSubjects(store, "INBOX")).containsExactly("Kept on disk");
            assertThat(Mails.imapSubjects(store, "Old")).containsExactly("Simple Subject");
        }
    }
}
