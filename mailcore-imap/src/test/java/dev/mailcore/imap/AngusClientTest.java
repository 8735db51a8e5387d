/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.event.MailEvent;
import jakarta.mail.event.MessageChangedEvent;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.search.SubjectTerm;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.MessageVanishedEvent;
import org.eclipse.angus.mail.imap.ResyncData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Angus Mail's IMAP client against the server. */
class AngusClientTest {
    private ImapFixture imap;
    private Store store;

    @BeforeEach
    void start() throws MessagingException {
        imap = new ImapFixture();
        store = connect();
    }

    @AfterEach
    void stop() throws MessagingException {
        store.close();
        imap.close();
    }

    private Store connect() throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "10000");
        properties.put("mail.imap.timeout", "10000");
        Store connected = Session.getInstance(properties).getStore("imap");
        connected.connect("127.0.0.1", imap.port(), ImapFixture.USER, ImapFixture.PASSWORD);
        return connected;
    }

    private MimeMessage multipart(String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("bob@example.org", false));
        message.setRecipients(Message.RecipientType.TO, "alice@example.com");
        message.setSubject(subject);
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Hello Alice, see the attachment.", "UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setContent("a,b\n1,2\n", "text/csv");
        attachment.setFileName("numbers.csv");
        message.setContent(new MimeMultipart(text, attachment));
        message.saveChanges();
        return message;
    }

    @Test
    void listsTheDefaultFolders() throws MessagingException {
        Folder[] folders = store.getDefaultFolder().list("*");

        assertThat(Arrays.stream(folders).map(Folder::getFullName))
                .contains("INBOX", "Sent", "Drafts", "Trash", "Junk", "Archive");
    }

    @Test
    void createsRenamesAndDeletesFolders() throws MessagingException {
        Folder work = store.getFolder("Work");
        assertThat(work.create(Folder.HOLDS_MESSAGES)).isTrue();
        assertThat(store.getFolder("Work").exists()).isTrue();

        assertThat(work.renameTo(store.getFolder("Job"))).isTrue();
        assertThat(store.getFolder("Work").exists()).isFalse();
        assertThat(store.getFolder("Job").exists()).isTrue();

        assertThat(store.getFolder("Job").delete(false)).isTrue();
        assertThat(store.getFolder("Job").exists()).isFalse();
    }

    @Test
    void appendsAndReadsAMultipartMessage() throws Exception {
        Folder inbox = store.getFolder("INBOX");
        inbox.appendMessages(new Message[] {multipart("Quarterly numbers")});

        inbox.open(Folder.READ_WRITE);
        assertThat(inbox.getMessageCount()).isEqualTo(1);
        Message message = inbox.getMessages()[0];
        assertThat(message.getSubject()).isEqualTo("Quarterly numbers");
        assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("bob@example.org");
        assertThat(message.isMimeType("multipart/mixed")).isTrue();
        Multipart content = (Multipart) message.getContent();
        assertThat(content.getCount()).isEqualTo(2);
        BodyPart text = content.getBodyPart(0);
        assertThat(text.isMimeType("text/plain")).isTrue();
        assertThat(text.getContent()).isEqualTo("Hello Alice, see the attachment.");
        BodyPart attachment = content.getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo("numbers.csv");
        try (InputStream in = attachment.getInputStream()) {
            // Text parts travel with CRLF line ends.
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo("a,b\r\n1,2\r\n");
        }
        inbox.close(false);
    }

    @Test
    void setsFlagsThatAnotherConnectionSees() throws Exception {
        imap.deliver("INBOX", "Subject: flag me\n\nbody\n");
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        inbox.getMessage(1).setFlag(Flags.Flag.FLAGGED, true);
        inbox.getMessage(1).setFlags(new Flags("project-x"), true);

        Store other = connect();
        try {
            Folder seen = other.getFolder("INBOX");
            seen.open(Folder.READ_ONLY);
            Message message = seen.getMessage(1);
            assertThat(message.isSet(Flags.Flag.FLAGGED)).isTrue();
            assertThat(message.isSet(Flags.Flag.SEEN)).isFalse();
            assertThat(message.getFlags().getUserFlags()).contains("project-x");
        } finally {
            other.close();
        }
    }

    @Test
    void copiesMovesAndExpunges() throws Exception {
        imap.deliver("INBOX", "Subject: one\n\n1\n");
        imap.deliver("INBOX", "Subject: two\n\n2\n");
        imap.deliver("INBOX", "Subject: three\n\n3\n");
        IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);

        inbox.copyMessages(new Message[] {inbox.getMessage(1)}, store.getFolder("Archive"));
        inbox.moveMessages(new Message[] {inbox.getMessage(2)}, store.getFolder("Trash"));
        inbox.getMessage(1).setFlag(Flags.Flag.DELETED, true);
        inbox.expunge();

        // Angus keeps counting moved messages until expunge(); after it, only "three" is left.
        assertThat(inbox.getMessageCount()).isEqualTo(1);
        assertThat(inbox.getMessage(1).getSubject()).isEqualTo("three");
        assertThat(store.getFolder("Archive").getMessageCount()).isEqualTo(1);
        assertThat(store.getFolder("Trash").getMessageCount()).isEqualTo(1);
        Folder trash = store.getFolder("Trash");
        trash.open(Folder.READ_ONLY);
        assertThat(trash.getMessage(1).getSubject()).isEqualTo("two");
    }

    @Test
    void searchesBySubject() throws Exception {
        imap.deliver("INBOX", "Subject: Lunch on Friday\n\nPizza?\n");
        imap.deliver("INBOX", "Subject: Build failed\n\nRed.\n");
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);

        Message[] found = inbox.search(new SubjectTerm("lunch"));

        assertThat(found).hasSize(1);
        assertThat(found[0].getSubject()).isEqualTo("Lunch on Friday");
    }

    @Test
    void idleWakesUpOnADeliveryThroughTheApi() throws Exception {
        IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        assertThat(inbox.getMessageCount()).isZero();
        Thread idler = Thread.ofVirtual().start(() -> {
            try {
                inbox.idle(true);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        });

        imap.deliver("INBOX", "Subject: wake up\n\nnews\n");
        idler.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(idler.isAlive()).as("IDLE returned").isFalse();
        assertThat(inbox.getMessageCount()).isEqualTo(1);
        assertThat(inbox.getMessage(1).getSubject()).isEqualTo("wake up");
    }

    @Test
    void resynchronizesWithQresync() throws Exception {
        imap.deliver("INBOX", "Subject: one\n\nbody\n");
        imap.deliver("INBOX", "Subject: two\n\nbody\n");
        IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        long uidValidity = inbox.getUIDValidity();
        long modSeq = inbox.getHighestModSeq();
        inbox.close(false);

        Store other = connect();
        try {
            Folder changed = other.getFolder("INBOX");
            changed.open(Folder.READ_WRITE);
            changed.getMessage(1).setFlag(Flags.Flag.DELETED, true);
            changed.getMessage(2).setFlag(Flags.Flag.FLAGGED, true);
            changed.close(true);
        } finally {
            other.close();
        }

        List<MailEvent> events = inbox.open(Folder.READ_WRITE, new ResyncData(uidValidity, modSeq));

        assertThat(events)
                .filteredOn(MessageVanishedEvent.class::isInstance)
                .singleElement()
                .satisfies(e -> assertThat(((MessageVanishedEvent) e).getUIDs()).containsExactly(1L));
        assertThat(events)
                .filteredOn(MessageChangedEvent.class::isInstance)
                .singleElement()
                .satisfies(
                        e -> assertThat(((MessageChangedEvent) e).getMessage().isSet(Flags.Flag.FLAGGED))
                                .isTrue());
        inbox.close(false);
    }
}
