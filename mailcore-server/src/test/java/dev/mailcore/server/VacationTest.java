/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The vacation response set over JMAP answers mail delivered over SMTP, as RFC 3834 asks: once per sender, never to
 * automatic or mailing-list mail.
 */
class VacationTest {
    private record Reply(String subject, String to, String autoSubmitted, String inReplyTo) {}

    @Test
    void mailToAUserOnVacationIsAnsweredOncePerSenderAndNeverAutomaticMail() throws Exception {
        try (MailServer server = MailServer.builder()
                .user("alice", "pw")
                .user("bob", "pw")
                .user("carol", "pw")
                .user("dave", "pw")
                .smtp("127.0.0.1", 0)
                .imap("127.0.0.1", 0)
                .http("127.0.0.1", 0)
                .build()
                .start()) {
            int smtp = server.boundAddress(Protocol.SMTP).getPort();
            int imap = server.boundAddress(Protocol.IMAP).getPort();
            JmapClient bob = JmapClient.http(server.boundAddress(Protocol.HTTP).getPort(), "bob", "pw");
            bob.call("""
                    [["VacationResponse/set", {"accountId": "%1$s", "update": {"singleton": {
                       "isEnabled": true, "textBody": "I am away until Monday."}}}, "v"]]
                    """);

            MailClient.send("127.0.0.1", smtp, "alice@localhost", "bob@localhost", "Lunch?", Map.of());
            MailClient.send("127.0.0.1", smtp, "alice@localhost", "bob@localhost", "Lunch tomorrow?", Map.of());
            MailClient.send(
                    "127.0.0.1",
                    smtp,
                    "carol@localhost",
                    "bob@localhost",
                    "Your password expires",
                    Map.of("Auto-Submitted", "auto-generated"));
            MailClient.send(
                    "127.0.0.1",
                    smtp,
                    "dave@localhost",
                    "bob@localhost",
                    "[team] minutes",
                    Map.of("List-Id", "<team.localhost>"));
            MailClient.send(
                    "127.0.0.1", smtp, "dave@localhost", "bob@localhost", "Newsletter", Map.of("Precedence", "bulk"));

            assertThat(MailClient.inboxSubjects("127.0.0.1", imap, "bob", "pw"))
                    .containsExactly(
                            "Lunch?", "Lunch tomorrow?", "Your password expires", "[team] minutes", "Newsletter");
            List<Reply> replies = inbox(imap, "alice");
            assertThat(replies).hasSize(1);
            Reply reply = replies.getFirst();
            assertThat(reply.subject()).isEqualTo("Auto: Lunch?");
            assertThat(reply.to()).isEqualTo("alice@localhost");
            assertThat(reply.autoSubmitted()).isEqualTo("auto-replied");
            assertThat(reply.inReplyTo()).startsWith("<").endsWith(">");
            assertThat(inbox(imap, "carol")).isEmpty();
            assertThat(inbox(imap, "dave")).isEmpty();
        }
    }

    @Test
    void noAnswerOnceTheVacationIsOff() throws Exception {
        try (MailServer server = MailServer.builder()
                .user("alice", "pw")
                .user("bob", "pw")
                .smtp("127.0.0.1", 0)
                .imap("127.0.0.1", 0)
                .http("127.0.0.1", 0)
                .build()
                .start()) {
            int smtp = server.boundAddress(Protocol.SMTP).getPort();
            JmapClient bob = JmapClient.http(server.boundAddress(Protocol.HTTP).getPort(), "bob", "pw");
            bob.call("""
                    [["VacationResponse/set", {"accountId": "%1$s", "update": {"singleton": {
                       "isEnabled": true, "subject": "Out of office", "toDate": "2000-01-01T00:00:00Z"}}}, "v"]]
                    """);
            MailClient.send("127.0.0.1", smtp, "alice@localhost", "bob@localhost", "After the vacation", Map.of());
            bob.call("""
                    [["VacationResponse/set", {"accountId": "%1$s", "update": {"singleton": {
                       "isEnabled": false, "toDate": null}}}, "v"]]
                    """);
            MailClient.send("127.0.0.1", smtp, "alice@localhost", "bob@localhost", "Switched off", Map.of());

            assertThat(inbox(server.boundAddress(Protocol.IMAP).getPort(), "alice"))
                    .isEmpty();
        }
    }

    private static List<Reply> inbox(int port, String login) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", port, login, "pw");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Reply> replies = new ArrayList<>();
            for (Message m : inbox.getMessages()) {
                replies.add(new Reply(
                        m.getSubject(),
                        m.getRecipients(Message.RecipientType.TO)[0].toString(),
                        m.getHeader("Auto-Submitted")[0],
                        m.getHeader("In-Reply-To")[0]));
            }
            inbox.close(false);
            return replies;
        } finally {
            store.close();
        }
    }
}
