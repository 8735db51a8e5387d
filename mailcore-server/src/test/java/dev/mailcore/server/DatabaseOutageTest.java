/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL server stopped while the mail server runs and started again on the same port and data: every
 * protocol answers with its temporary error while it is down, keeps the connection, and works again once it is
 * back, without a restart.
 */
class DatabaseOutageTest {
    private static final String MESSAGE = "From: someone@example.org\r\nSubject: While down\r\n\r\nHello.\r\n";

    @TempDir
    Path dir;

    @Test
    void whileTheDatabaseIsDownEveryProtocolAnswersTemporarilyAndAllRecoversWhenItIsBack() throws Exception {
        int dbPort = freePort();
        Path dbData = dir.resolve("postgres");
        EmbeddedPostgres db = startPostgres(dbData, dbPort);
        try (MailServer server = MailServer.builder()
                .postgres(jdbcUrl(dbPort), "postgres", null)
                .dataDirectory(dir.resolve("mail"))
                .databaseTimeout(Duration.ofSeconds(1))
                // Every login asks the database, so a login while it is down shows what the client gets.
                .authCache(Duration.ZERO)
                .user("alice", "pw")
                .imap("127.0.0.1", 0)
                .smtp("127.0.0.1", 0)
                .lmtp("127.0.0.1", 0)
                .pop3("127.0.0.1", 0)
                .http("127.0.0.1", 0)
                .build()
                .start()) {
            MailClient.send("127.0.0.1", port(server, Protocol.SMTP), "alice@localhost", "Before");
            try (LineClient imap = new LineClient(port(server, Protocol.IMAP))) {
                imap.read();
                assertThat(imap.tagged("a LOGIN alice pw")).startsWith("a OK");
                assertThat(imap.tagged("b SELECT INBOX")).startsWith("b OK");

                db.close();

                assertThat(imap.tagged("c UID FETCH 1:* (BODY.PEEK[])")).startsWith("c NO [UNAVAILABLE]");
                assertThat(imap.tagged("d SELECT INBOX")).startsWith("d NO [UNAVAILABLE]");
                imap.send("e APPEND INBOX {" + MESSAGE.length() + "}");
                String append = imap.read();
                if (append.startsWith("+")) {
                    imap.send(MESSAGE);
                    append = imap.untilTagged("e");
                }
                assertThat(append).containsPattern("(?m)^e NO \\[UNAVAILABLE\\]");
                assertThat(imap.tagged("f NOOP")).startsWith("f OK");

                assertSmtpTemporary(port(server, Protocol.SMTP), "EHLO");
                assertSmtpTemporary(port(server, Protocol.LMTP), "LHLO");
                assertPop3Temporary(port(server, Protocol.POP3));
                HttpResponse<String> session = jmapSession(port(server, Protocol.HTTP));
                assertThat(session.statusCode()).isEqualTo(503);
                assertThat(session.headers().firstValue("Retry-After")).isPresent();
                assertThat(session.body()).doesNotContain("Exception").doesNotContain("at dev.");

                db = startPostgres(dbData, dbPort);

                // The pool reconnects with a backoff of a few seconds; until then the answer stays temporary.
                int attempt = 0;
                String select;
                do {
                    select = imap.tagged("g" + attempt + " SELECT INBOX");
                    attempt++;
                } while (select.contains("NO [UNAVAILABLE]") && attempt < 30);
                assertThat(select).startsWith("g" + (attempt - 1) + " OK");
                assertThat(imap.command("h UID FETCH 1:* (BODY.PEEK[HEADER.FIELDS (SUBJECT)])"))
                        .contains("Subject: Before")
                        .containsPattern("(?m)^h OK");
            }
            MailClient.send("127.0.0.1", port(server, Protocol.SMTP), "alice@localhost", "After");
            assertThat(MailClient.pop3Subjects("127.0.0.1", port(server, Protocol.POP3), "alice", "pw"))
                    .containsExactly("Before", "After");
            assertThat(jmapSession(port(server, Protocol.HTTP)).statusCode()).isEqualTo(200);
        } finally {
            db.close();
        }
    }

    @Test
    void aDatabaseThatIsDownAtStartFailsTheStartNamingTheUrlWithoutThePassword() throws Exception {
        String url = jdbcUrl(freePort()) + "?password=hunter2&connectTimeout=2";
        MailServer server = MailServer.builder()
                .postgres(url, "postgres", "secret")
                .dataDirectory(dir)
                .databaseTimeout(Duration.ofSeconds(1))
                .imap("127.0.0.1", 0)
                .build();
        assertThatThrownBy(server::start).isInstanceOfSatisfying(MailException.class, e -> {
            assertThat(e.reason()).isEqualTo(ErrorReason.UNAVAILABLE);
            assertThat(e.getMessage())
                    .contains("cannot connect to the metadata database at jdbc:postgresql://127.0.0.1:")
                    .contains("password=***")
                    .doesNotContain("hunter2")
                    .doesNotContain("secret");
        });
    }

    /**
     * A new session: RCPT needs the database for the recipient lookup, delivery after DATA for the append; whichever
     * comes first answers 451 4.3.0, and the session goes on.
     */
    private static void assertSmtpTemporary(int port, String hello) throws IOException {
        try (LineClient smtp = new LineClient(port)) {
            assertThat(smtp.read()).startsWith("220");
            assertThat(smtp.reply(hello + " client.example.org")).startsWith("250");
            assertThat(smtp.reply("MAIL FROM:<someone@example.org>")).startsWith("250");
            String reply = smtp.reply("RCPT TO:<alice@localhost>");
            if (reply.startsWith("250")) {
                assertThat(smtp.reply("DATA")).startsWith("354");
                smtp.send(MESSAGE);
                reply = smtp.reply(".");
            }
            assertThat(reply).startsWith("451 4.3.0");
            assertThat(smtp.reply("RSET")).startsWith("250");
            assertThat(smtp.reply("QUIT")).startsWith("221");
        }
    }

    private static void assertPop3Temporary(int port) throws IOException {
        try (LineClient pop3 = new LineClient(port)) {
            assertThat(pop3.read()).startsWith("+OK");
            String reply = pop3.command("USER alice");
            if (reply.startsWith("+OK")) {
                reply = pop3.command("PASS pw");
            }
            assertThat(reply).startsWith("-ERR [SYS/TEMP]");
            assertThat(pop3.command("QUIT")).startsWith("+OK");
        }
    }

    private static HttpResponse<String> jmapSession(int port) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString("alice:pw".getBytes(StandardCharsets.UTF_8));
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/.well-known/jmap"))
                            .header("Authorization", "Basic " + basic)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static EmbeddedPostgres startPostgres(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    private static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private static int port(MailServer server, Protocol protocol) {
        return server.boundAddress(protocol).getPort();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A line-based session over a plain socket: IMAP, SMTP, LMTP and POP3 alike. */
    private static final class LineClient implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;

        LineClient(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(30_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
        }

        void send(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        String read() throws IOException {
            String line = in.readLine();
            if (line == null) {
                throw new UncheckedIOException(new IOException("the server closed the connection"));
            }
            return line;
        }

        /**
         * Sends {@code line} and returns the response: for IMAP every line up to the tagged one, joined by
         * newlines; for POP3 the status line.
         */
        String command(String line) throws IOException {
            send(line);
            int space = line.indexOf(' ');
            return untilTagged(space < 0 ? line : line.substring(0, space));
        }

        /** Sends an IMAP command and returns its tagged response line. */
        String tagged(String line) throws IOException {
            String all = command(line);
            return all.substring(all.lastIndexOf('\n') + 1);
        }

        /** Every line up to the one tagged {@code tag} (or a POP3 status line), joined by newlines. */
        String untilTagged(String tag) throws IOException {
            List<String> lines = new ArrayList<>();
            while (true) {
                String reply = read();
                lines.add(reply);
                if (reply.startsWith(tag + " ") || reply.startsWith("+OK") || reply.startsWith("-ERR")) {
                    return String.join("\n", lines);
                }
            }
        }

        /** Sends an SMTP or LMTP command and returns the last line of its reply. */
        String reply(String line) throws IOException {
            send(line);
            String reply = read();
            while (reply.length() > 3 && reply.charAt(3) == '-') {
                reply = read();
            }
            return reply;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
