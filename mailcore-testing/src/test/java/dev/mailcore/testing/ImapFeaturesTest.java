/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.FromStringTerm;
import jakarta.mail.search.NotTerm;
import jakarta.mail.search.OrTerm;
import jakarta.mail.search.SearchTerm;
import jakarta.mail.search.SubjectTerm;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.MessageVanishedEvent;
import org.eclipse.angus.mail.imap.ResyncData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a test gets from the IMAP server behind the extension: CONDSTORE, QRESYNC, NAMESPACE, full SEARCH. */
class ImapFeaturesTest {
    @RegisterExtension
    static MailcoreExtension mail = MailcoreExtension.create();

    @Test
    void condstoreReportsModSeqsThatGrowWithEachChange() throws Exception {
        MailUser me = mail.newUser();
        Mails.send(mail.smtpSession(), me.address(), "Flag me");
        try (Store store = me.imapStore()) {
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            long before = inbox.getHighestModSeq();
            inbox.getMessage(1).setFlag(Flags.Flag.FLAGGED, true);
            inbox.close(false);
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getHighestModSeq()).isGreaterThan(before);
            assertThat(inbox.getMessagesByUIDChangedSince(1, IMAPFolder.LASTUID, before))
                    .hasSize(1);
            inbox.close(false);
        }
    }

    @Test
    void qresyncReportsWhatChangedSinceTheLastSession() throws Exception {
        MailUser me = mail.newUser();
        Mails.send(mail.smtpSession(), me.address(), "Keep");
        Mails.send(mail.smtpSession(), me.address(), "Delete");
        try (Store store = me.imapStore()) {
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            ResyncData known = new ResyncData(inbox.getUIDValidity(), inbox.getHighestModSeq());
            long deletedUid = inbox.getUID(inbox.getMessage(2));
            inbox.getMessage(2).setFlag(Flags.Flag.DELETED, true);
            inbox.close(true);

            List<?> events = inbox.open(Folder.READ_ONLY, known);
            assertThat(events)
                    .singleElement()
                    .isInstanceOfSatisfying(
                            MessageVanishedEvent.class,
                            vanished -> assertThat(vanished.getUIDs()).containsExactly(deletedUid));
            inbox.close(false);
        }
    }

    @Test
    void namespaceNamesThePersonalMailboxes() throws Exception {
        MailUser me = mail.newUser();
        try (Store store = me.imapStore()) {
            assertThat(((IMAPStore) store).hasCapability("NAMESPACE")).isTrue();
            Folder[] personal = store.getPersonalNamespaces();
            assertThat(personal).hasSize(1);
            assertThat(personal[0].getSeparator()).isEqualTo('/');
        }
    }

    @Test
    void searchCombinesTermsOnTheServer() throws Exception {
        MailUser me = mail.newUser();
        Mails.send(mail.smtpSession(), me.address(), "Invoice March");
        Mails.send(mail.smtpSession(), me.address(), "Invoice April");
        Mails.send(mail.smtpSession(), me.address(), "Newsletter");
        try (Store store = me.imapStore()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            inbox.getMessage(1).setFlag(Flags.Flag.SEEN, true);
            Message[] found = inbox.search(new AndTerm(new SearchTerm[] {
                new OrTerm(new SubjectTerm("invoice"), new SubjectTerm("newsletter")),
                new NotTerm(new FlagTerm(new Flags(Flags.Flag.SEEN), true)),
                new FromStringTerm("app@example.org")
            }));
            assertThat(Mails.subjects(found)).containsExactly("Invoice April", "Newsletter");
            inbox.close(false);
        }
    }
}
