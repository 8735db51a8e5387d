/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What one protocol does, the others see: IMAP, SMTP and JMAP over one server. */
class CrossProtocolTest {
    private MailServer server;
    private JmapClient alice;
    private int smtp;
    private int imap;

    @BeforeEach
    void start() {
        server = MailServer.builder()
                .user("alice", "pw")
                .user("bob", "pw")
                .smtp("127.0.0.1", 0)
                .imap("127.0.0.1", 0)
                .http("127.0.0.1", 0)
                .build()
                .start();
        smtp = server.boundAddress(Protocol.SMTP).getPort();
        imap = server.boundAddress(Protocol.IMAP).getPort();
        alice = JmapClient.http(server.boundAddress(Protocol.HTTP).getPort(), "alice", "pw");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String emailState() throws Exception {
        return alice.call("""
                        [["Email/get", {"accountId": "%1$s", "ids": []}, "g"]]""").get(0).get(1).path("state").asString();
    }

    private String mailboxId(String role) throws Exception {
        return alice.call("""
                        [["Mailbox/query", {"accountId": "%1$s", "filter": {"role": "ROLE"}}, "q"]]""".replace("ROLE", role))
                .get(0)
                .get(1)
                .path("ids")
                .get(0)
                .asString();
    }

    @Test
    void aFlagSetOverImapIsAnEmailChangeInJmap() throws Exception {
        MailClient.send("127.0.0.1", smtp, "alice@localhost", "Flag me");
        String id = alice.emails().getFirst().id();
        String state = emailState();

        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", imap, "alice", "pw");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            inbox.getMessage(1).setFlag(Flags.Flag.FLAGGED, true);
            inbox.close(false);
        } finally {
            store.close();
        }

        JsonNode responses = alice.call("""
                [["Email/changes", {"accountId": "%1$s", "sinceState": "STATE"}, "c"],
                 ["Email/get", {"accountId": "%1$s", "ids": ["ID"], "properties": ["keywords"]}, "g"]]""".replace("STATE", state).replace("ID", id));
        JsonNode changes = responses.get(0).get(1);
        assertThat(changes.path("updated")).extracting(JsonNode::asString).containsExactly(id);
        assertThat(changes.path("created")).isEmpty();
        assertThat(responses
                        .get(1)
                        .get(1)
                        .path("list")
                        .get(0)
                        .path("keywords")
                        .path("$flagged")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aMoveOverJmapReachesImapSessionsInIdle() throws Exception {
        MailClient.send("127.0.0.1", smtp, "alice@localhost", "Move me");
        String id = alice.emails().getFirst().id();
        String archive = mailboxId("archive");

        try (Idle inbox = new Idle(imap, "INBOX");
                Idle archived = new Idle(imap, "Archive")) {
            alice.call("""
                    [["Email/set", {"accountId": "%1$s", "update": {"ID": {"mailboxIds": {"ARCHIVE": true}}}}, "s"]]""".replace("ID", id).replace("ARCHIVE", archive));

            assertThat(inbox.awaitLine("* 1 EXPUNGE")).isTrue();
            assertThat(archived.awaitLine("* 1 EXISTS")).isTrue();
        }
        assertThat(MailClient.inboxSubjects("127.0.0.1", imap, "alice", "pw")).isEmpty();
    }

    @Test
    void anEmailSubmissionToALocalUserArrivesInTheirInbox() throws Exception {
        String drafts = mailboxId("drafts");

        JsonNode responses = alice.call("""
                [["Email/set", {"accountId": "%1$s", "create": {"d": {
                   "mailboxIds": {"DRAFTS": true},
                   "from": [{"email": "alice@localhost"}], "to": [{"email": "bob@localhost"}],
                   "subject": "Sent over JMAP",
                   "textBody": [{"partId": "t", "type": "text/plain"}],
                   "bodyValues": {"t": {"value": "Hello Bob."}}}}}, "e"],
                 ["EmailSubmission/set", {"accountId": "%1$s",
                   "create": {"s": {"identityId": "primary", "emailId": "#d"}}}, "s"]]""".replace("DRAFTS", drafts));

        assertThat(responses.get(1).get(1).path("created").has("s"))
                .as(responses.toString())
                .isTrue();
        assertThat(MailClient.inboxSubjects("127.0.0.1", imap, "bob", "pw")).containsExactly("Sent over JMAP");
    }

    /** A raw IMAP session idling on one mailbox, reading the untagged responses the server pushes. */
    private static final class Idle implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final Writer out;

        Idle(int port, String mailbox) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(15_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
            in.readLine();
            command("a LOGIN alice pw", "a ", "a OK");
            command("b SELECT " + mailbox, "b ", "b OK");
            command("c IDLE", "+", "+ ");
        }

        /** Sends a command and reads to the line starting with {@code end}, which must start with {@code ok}. */
        private void command(String line, String end, String ok) throws IOException {
            out.write(line + "\r\n");
            out.flush();
            for (String reply = in.readLine(); reply != null; reply = in.readLine()) {
                if (reply.startsWith(end)) {
                    assertThat(reply).as(line).startsWith(ok);
                    return;
                }
            }
            throw new IOException("connection closed after " + line);
        }

        /** Reads pushed lines until this one; false when the connection ends first. */
        boolean awaitLine(String expected) throws IOException {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals(expected)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() throws IOException {
            try {
                out.write("DONE\r\nz LOGOUT\r\n");
                out.flush();
            } finally {
                socket.close();
            }
        }
    }
}
