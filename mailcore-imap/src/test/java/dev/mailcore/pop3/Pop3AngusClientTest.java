/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.pop3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Angus Mail's POP3 client: list, retrieve, delete, UIDL, over USER/PASS and over AUTH. */
class Pop3AngusClientTest {
    private Pop3Fixture pop3;
    private final List<String> emailIds = new ArrayList<>();

    @BeforeEach
    void start() {
        pop3 = new Pop3Fixture();
        emailIds.add(pop3.deliver("Subject: first\nFrom: bob@example.com\n\nHello Alice.\n"));
        emailIds.add(pop3.deliver("Subject: second\n\n.a line with a dot\n..and two\n.\nend\n"));
        emailIds.add(pop3.deliver("Subject: third\n\nbye\n"));
    }

    @AfterEach
    void stop() {
        pop3.close();
    }

    private Store connect(Properties properties) throws MessagingException {
        properties.put("mail.pop3.connectiontimeout", "10000");
        properties.put("mail.pop3.timeout", "10000");
        Store store = Session.getInstance(properties).getStore("pop3");
        store.connect("127.0.0.1", pop3.port(), Pop3Fixture.USER, Pop3Fixture.PASSWORD);
        return store;
    }

    private long inboxSize() {
        return pop3.imap
                .store
                .messages()
                .uids(pop3.imap.alice, pop3.imap.mailbox("INBOX").id())
                .length;
    }

    @Test
    void listsAndRetrievesMessages() throws Exception {
        Store store = connect(new Properties());
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isEqualTo(3);
            assertThat(inbox.getMessage(1).getSubject()).isEqualTo("first");
            assertThat(inbox.getMessage(1).getFrom()[0].toString()).isEqualTo("bob@example.com");
            assertThat(inbox.getMessage(1).getContent()).isEqualTo("Hello Alice.\r\n");
            // Dot-stuffing is undone by the client: the lines come back as stored.
            assertThat(inbox.getMessage(2).getContent()).isEqualTo(".a line with a dot\r\n..and two\r\n.\r\nend\r\n");
            // LIST sizes are the stored sizes, CRLF line ends included.
            assertThat(((POP3Folder) inbox).getSizes()[2]).isEqualTo("Subject: third\r\n\r\nbye\r\n".length());
            inbox.close(false);
        } finally {
            store.close();
        }
    }

    @Test
    void uidlIsTheEmailIdImapShows() throws Exception {
        Store store = connect(new Properties());
        try {
            POP3Folder inbox = (POP3Folder) store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            for (int n = 1; n <= 3; n++) {
                assertThat(inbox.getUID(inbox.getMessage(n))).isEqualTo(emailIds.get(n - 1));
            }
            inbox.close(false);
        } finally {
            store.close();
        }
    }

    @Test
    void deletedMessagesAreRemovedOnClose() throws Exception {
        Store store = connect(new Properties());
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            inbox.getMessage(2).setFlag(Flags.Flag.DELETED, true);
            inbox.close(true);
        } finally {
            store.close();
        }
        assertThat(inboxSize()).isEqualTo(2);

        Store again = connect(new Properties());
        try {
            POP3Folder inbox = (POP3Folder) again.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isEqualTo(2);
            assertThat(inbox.getUID(inbox.getMessage(2))).isEqualTo(emailIds.get(2));
            assertThat(inbox.getMessage(2).getSubject()).isEqualTo("third");
            inbox.close(false);
        } finally {
            again.close();
        }
    }

    @Test
    void closingWithoutExpungeKeepsEverything() throws Exception {
        Store store = connect(new Properties());
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            for (Message message : inbox.getMessages()) {
                message.setFlag(Flags.Flag.DELETED, true);
            }
            inbox.close(false);
        } finally {
            store.close();
        }
        assertThat(inboxSize()).isEqualTo(3);
    }

    @Test
    void logsInWithSaslPlain() throws Exception {
        Properties properties = new Properties();
        properties.put("mail.pop3.auth.mechanisms", "PLAIN");
        Store store = connect(properties);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isEqualTo(3);
            inbox.close(false);
        } finally {
            store.close();
        }
    }

    @Test
    void logsInWithSaslLogin() throws Exception {
        Properties properties = new Properties();
        properties.put("mail.pop3.auth.mechanisms", "LOGIN");
        Store store = connect(properties);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isEqualTo(3);
            inbox.close(false);
        } finally {
            store.close();
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        Properties properties = new Properties();
        properties.put("mail.pop3.connectiontimeout", "10000");
        properties.put("mail.pop3.timeout", "10000");
        assertThatThrownBy(() -> Session.getInstance(properties)
                        .getStore("pop3")
                        .connect("127.0.0.1", pop3.port(), Pop3Fixture.USER, "wrong"))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void retrievesALargeMessageByteForByte() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; body.length() < 3 << 20; i++) {
            // Dotted lines all through the message, so stuffing meets the 64 KiB chunk edges.
            body.append(i % 7 == 0 ? "." : "").append("line ").append(i).append(" of a large message\n");
        }
        String id = pop3.deliver("Subject: large\n\n" + body);
        Store store = connect(new Properties());
        try {
            POP3Folder inbox = (POP3Folder) store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message message = inbox.getMessage(4);
            assertThat(inbox.getUID(message)).isEqualTo(id);
            try (InputStream in = message.getInputStream()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo(body.toString().replace("\n", "\r\n"));
            }
            inbox.close(false);
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            store.close();
        }
    }
}
