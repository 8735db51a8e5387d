/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.net.SelfSignedCertificate;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** JMAP on the server's HTTP and HTTPS listeners, over the same store the mail protocols serve. */
class JmapTest {
    private static final Pattern EMAILID = Pattern.compile("EMAILID \\(([^)]+)\\)");

    @TempDir
    Path dir;

    @Test
    void emailQuerySeesMailDeliveredOverSmtpWithTheIdImapAndPop3Show() throws Exception {
        try (MailServer server = MailServer.builder()
                .user("alice", "pw")
                .smtp("127.0.0.1", 0)
                .imap("127.0.0.1", 0)
                .pop3("127.0.0.1", 0)
                .http("127.0.0.1", 0)
                .build()
                .start()) {
            MailClient.send("127.0.0.1", server.boundAddress(Protocol.SMTP).getPort(), "alice@localhost", "To JMAP");

            JmapClient jmap = JmapClient.http(server.boundAddress(Protocol.HTTP).getPort(), "alice", "pw");
            var emails = jmap.emails();
            assertThat(emails).extracting(JmapClient.Email::subject).containsExactly("To JMAP");
            String id = emails.getFirst().id();

            assertThat(imapEmailId(server.boundAddress(Protocol.IMAP).getPort(), "alice", "pw"))
                    .isEqualTo(id);
            assertThat(pop3Uid(server.boundAddress(Protocol.POP3).getPort(), "alice", "pw"))
                    .isEqualTo(id);
        }
    }

    @Test
    void wrongCredentialsGetNoSessionAndOtherPathsAreNotFound() throws Exception {
        try (MailServer server = MailServer.builder()
                .user("bob", "pw")
                .http("127.0.0.1", 0)
                .build()
                .start()) {
            int port = server.boundAddress(Protocol.HTTP).getPort();
            var http = java.net.http.HttpClient.newHttpClient();
            var unauthorized = http.send(
                    java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create("http://127.0.0.1:" + port + "/.well-known/jmap"))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(unauthorized.statusCode()).isEqualTo(401);
            var elsewhere = http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/other"))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(elsewhere.statusCode()).isEqualTo(404);
            // The server still answers a good request afterwards.
            assertThat(JmapClient.http(port, "bob", "pw")
                            .session()
                            .path("username")
                            .asString())
                    .isEqualTo("bob@localhost");
        }
    }

    @Test
    void httpsServesTheSessionWithTheServersCertificateBesideHttp() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.generate();
        Path keyStore = dir.resolve("server.p12");
        try (OutputStream out = Files.newOutputStream(keyStore)) {
            certificate.keyStore().store(out, "mailcore".toCharArray());
        }
        try (MailServer server = MailServer.builder()
                .user("carol", "pw")
                .tlsPkcs12(keyStore, "mailcore")
                .http("127.0.0.1", 0)
                .https("127.0.0.1", 0)
                .build()
                .start()) {
            JsonNode session = JmapClient.https(
                            server.boundAddress(Protocol.HTTPS).getPort(), certificate.clientContext(), "carol", "pw")
                    .session();
            assertThat(session.path("username").asString()).isEqualTo("carol@localhost");
            assertThat(session.path("apiUrl").asString()).startsWith("https://");
            assertThat(JmapClient.http(server.boundAddress(Protocol.HTTP).getPort(), "carol", "pw")
                            .session()
                            .path("apiUrl")
                            .asString())
                    .startsWith("http://");
        }
    }

    /** EMAILID (RFC 8474) is not known to Angus Mail's FETCH parser, so this one exchange is written out. */
    private static String imapEmailId(int port, String login, String password) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
            out.write("a LOGIN " + login + " " + password + "\r\nb EXAMINE INBOX\r\nc FETCH 1 (EMAILID)\r\n"
                    + "d LOGOUT\r\n");
            out.flush();
            String id = null;
            for (String line = in.readLine(); line != null && !line.startsWith("d "); line = in.readLine()) {
                Matcher m = EMAILID.matcher(line);
                if (line.startsWith("* 1 FETCH") && m.find()) {
                    id = m.group(1);
                }
            }
            assertThat(id).as("EMAILID of message 1").isNotNull();
            return id;
        }
    }

    private static String pop3Uid(int port, String login, String password) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("pop3");
        store.connect("127.0.0.1", port, login, password);
        try {
            POP3Folder inbox = (POP3Folder) store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            String uid = inbox.getUID(inbox.getMessage(1));
            inbox.close(false);
            return uid;
        } finally {
            store.close();
        }
    }
}
