/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcore.server.Protocol;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import java.nio.file.Files;
import java.util.Collections;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension's trust material works with Angus Mail over STARTTLS and implicit TLS. */
class TlsTest {
    @RegisterExtension
    static MailcoreExtension mail = MailcoreExtension.create()
            .withTls()
            .withProtocols(Protocol.SMTP, Protocol.IMAP, Protocol.IMAPS, Protocol.SUBMISSIONS)
            .withUser("alice@example.com", "secret");

    @Test
    void smtpAndImapUpgradeWithStartTlsAndTrustTheTestCa() throws Exception {
        MailUser me = mail.newUser();

        Mails.send(mail.smtpSession(), me.address(), "Over STARTTLS");

        try (Store store = me.imapStore()) {
            assertThat(((IMAPStore) store).hasCapability("STARTTLS")).isFalse(); // gone after the upgrade
            assertThat(Mails.imapSubjects(store, "INBOX")).containsExactly("Over STARTTLS");
        }
    }

    @Test
    void implicitTlsListenersTrustTheSameCa() throws Exception {
        MailUser me = mail.newUser();
        Session submissions = mail.session(Protocol.SUBMISSIONS);
        Transport transport = submissions.getTransport();
        transport.connect(me.address(), me.password());
        try {
            var message = Mails.message(submissions, me.address(), "Over implicit TLS");
            transport.sendMessage(message, message.getAllRecipients());
        } finally {
            transport.close();
        }

        Store imaps = mail.session(Protocol.IMAPS).getStore();
        imaps.connect(me.address(), me.password());
        try (imaps) {
            assertThat(Mails.imapSubjects(imaps, "INBOX")).containsExactly("Over implicit TLS");
        }
    }

    @Test
    void aClientWithoutTheTrustIsRefused() {
        Properties plain = new Properties();
        plain.setProperty("mail.imaps.connectiontimeout", "5000");
        plain.setProperty("mail.imaps.timeout", "5000");
        Session untrusting = Session.getInstance(plain);

        assertThatThrownBy(() -> {
                    try (Store store = untrusting.getStore("imaps")) {
                        store.connect(mail.host(), mail.port(Protocol.IMAPS), "alice@example.com", "secret");
                    }
                })
                .isInstanceOf(MessagingException.class);
    }

    @Test
    void trustComesAsContextStoreAndPemFile() throws Exception {
        assertThat(mail.sslContext().getProtocol()).isEqualTo("TLS");
        assertThat(Collections.list(mail.trustStore().aliases())).hasSize(1);
        assertThat(Files.readString(mail.caCertificateFile())).startsWith("-----BEGIN CERTIFICATE-----");
    }
}
