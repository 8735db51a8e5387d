/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.server.Protocol;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An application that reads its mail over POP3 gets a session pointed at the test server, with or without TLS. */
class Pop3Test {
    @RegisterExtension
    MailcoreExtension mail = MailcoreExtension.create()
            .withUser("alice@example.com", "secret")
            .withProtocols(Protocol.SMTP, Protocol.POP3, Protocol.POP3S)
            .withTls();

    @Test
    void pop3ReadsWhatSmtpDelivered() throws Exception {
        Mails.send(mail.smtpSession(), "alice@example.com", "Over POP3");

        try (Store store = mail.pop3Store("alice@example.com")) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message[] messages = inbox.getMessages();
            assertThat(messages).extracting(Message::getSubject).containsExactly("Over POP3");
            messages[0].setFlag(jakarta.mail.Flags.Flag.DELETED, true);
            inbox.close(true);
        }

        assertThat(mail.receivedMessages()).isEmpty();
    }

    @Test
    void pop3sSessionTrustsTheTestCa() throws Exception {
        Mails.send(mail.smtpSession(), "alice@example.com", "Over POP3S");

        try (Store store = mail.session(Protocol.POP3S).getStore()) {
            store.connect("alice@example.com", "secret");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessages()).extracting(Message::getSubject).containsExactly("Over POP3S");
            inbox.close(false);
        }
    }
}
