/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.pop3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailcore.api.FlagChange;
import dev.mailcore.api.Flags;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.MessageMeta;
import dev.mailcore.api.UidSet;
import dev.mailcore.net.SelfSignedCertificate;
import dev.mailcore.net.TlsMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a session sees of the store and leaves in it: the snapshot, the lock, and what QUIT removes. */
class Pop3MaildropTest {
    private Pop3Fixture pop3;

    @AfterEach
    void stop() {
        pop3.close();
    }

    private MailboxId inbox() {
        return pop3.imap.mailbox("INBOX").id();
    }

    private List<MessageMeta> inboxMessages() {
        return pop3.imap.store.messages().list(pop3.imap.alice, inbox(), UidSet.all());
    }

    @Test
    void theMaildropIsTheInboxAsOfLogin() throws IOException {
        pop3 = new Pop3Fixture();
        pop3.deliver("Subject: one\n\n1\n");
        pop3.deliver("Subject: two\n\n2\n");
        try (Pop3LineClient client = new Pop3LineClient(pop3.port())) {
            assertThat(client.login()).startsWith("+OK maildrop has 2 messages");
            List<String> uidlBefore = client.lines("UIDL");

            String arrived = pop3.deliver("Subject: three\n\n3\n");
            // A message another client removes keeps its number too: numbers never shift during a session.
            pop3.imap
                    .store
                    .messages()
                    .destroy(pop3.imap.alice, List.of(inboxMessages().getFirst().emailId()));

            assertThat(client.command("STAT")).startsWith("+OK 2 ");
            assertThat(client.command("LIST 3")).isEqualTo("-ERR no such message");
            assertThat(client.lines("UIDL")).isEqualTo(uidlBefore);
            assertThat(client.command("RETR 1")).isEqualTo("-ERR message 1 no longer exists");
            assertThat(client.lines("RETR 2")).contains("Subject: two");
            // Deleting what is already gone is harmless, and QUIT counts only what it removed.
            assertThat(client.command("DELE 1")).startsWith("+OK");
            assertThat(client.command("QUIT")).isEqualTo("+OK bye, 0 messages deleted");

            try (Pop3LineClient next = new Pop3LineClient(pop3.port())) {
                assertThat(next.login()).startsWith("+OK maildrop has 2 messages");
                assertThat(next.command("UIDL 2")).isEqualTo("+OK 2 " + arrived);
                next.command("QUIT");
            }
        }
    }

    @Test
    void aDroppedConnectionRemovesNothingAndLeavesNothingMarked() throws IOException {
        pop3 = new Pop3Fixture();
        pop3.deliver("Subject: one\n\n1\n");
        pop3.deliver("Subject: two\n\n2\n");
        try (Pop3LineClient client = new Pop3LineClient(pop3.port())) {
            client.login();
            assertThat(client.command("DELE 1")).startsWith("+OK");
            assertThat(client.command("DELE 2")).startsWith("+OK");
        }
        // The lock goes with the connection; the next session sees both messages.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try (Pop3LineClient next = new Pop3LineClient(pop3.port())) {
                assertThat(next.login()).startsWith("+OK maildrop has 2 messages");
                next.command("QUIT");
            }
        });
        assertThat(inboxMessages()).hasSize(2).noneMatch(m -> m.flags().deleted());
    }

    @Test
    void quitRemovesExactlyTheDeletedMessagesBeforeAnswering() throws IOException {
        pop3 = new Pop3Fixture();
        pop3.deliver("Subject: one\n\n1\n");
        String kept = pop3.deliver("Subject: two\n\n2\n");
        pop3.deliver("Subject: three\n\n3\n");
        // Marked \Deleted by an IMAP client, not by POP3: QUIT must leave it to that client's EXPUNGE.
        long second = inboxMessages().get(1).uid();
        pop3.imap
                .store
                .messages()
                .updateFlags(
                        pop3.imap.alice,
                        inbox(),
                        UidSet.of(second),
                        FlagChange.add(new Flags(Set.of(), true)),
                        OptionalLong.empty());
        try (Pop3LineClient client = new Pop3LineClient(pop3.port())) {
            client.login();
            client.command("DELE 1");
            client.command("DELE 3");
            assertThat(client.command("QUIT")).isEqualTo("+OK bye, 2 messages deleted");
            // The answer came after the removal.
            assertThat(inboxMessages()).extracting(m -> m.emailId().value()).containsExactly(kept);
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void aSecondSessionOnTheSameAccountIsInUse() throws IOException {
        pop3 = new Pop3Fixture();
        pop3.deliver("Subject: one\n\n1\n");
        try (Pop3LineClient first = new Pop3LineClient(pop3.port());
                Pop3LineClient second = new Pop3LineClient(pop3.port())) {
            assertThat(first.login()).startsWith("+OK");
            assertThat(second.login()).isEqualTo("-ERR [IN-USE] the maildrop is already in use by another session");
            assertThat(second.command("AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHNlY3JldA=="))
                    .startsWith("-ERR [IN-USE]");
            // Still in AUTHORIZATION: the refused session may try again once the first one quits.
            assertThat(second.command("STAT")).isEqualTo("-ERR log in first");
            assertThat(first.command("QUIT")).startsWith("+OK");
            assertThat(second.login()).startsWith("+OK maildrop has 1 messages");
            assertThat(second.command("QUIT")).startsWith("+OK");
        }
    }

    @Test
    void aServerShutdownRemovesNothing() throws IOException {
        pop3 = new Pop3Fixture();
        pop3.deliver("Subject: one\n\n1\n");
        try (Pop3LineClient client = new Pop3LineClient(pop3.port())) {
            client.login();
            assertThat(client.command("DELE 1")).startsWith("+OK");
            pop3.server.close();
            assertThat(client.next()).isEqualTo("-ERR [SYS/TEMP] server shutting down");
            assertThat(client.closedByServer()).isTrue();
        }
        assertThat(inboxMessages()).hasSize(1).noneMatch(m -> m.flags().deleted());
    }

    @Test
    void oneClientsGarbageDoesNotDisturbAnother() throws IOException {
        pop3 = new Pop3Fixture();
        pop3.deliver("Subject: one\n\n1\n");
        try (Pop3LineClient noisy = new Pop3LineClient(pop3.port());
                Pop3LineClient client = new Pop3LineClient(pop3.port())) {
            assertThat(noisy.command("x".repeat(100_000))).isEqualTo("-ERR line too long");
            assertThat(noisy.command("\u0000\u00ff garbage")).isEqualTo("-ERR unknown command");
            assertThat(client.login()).startsWith("+OK maildrop has 1 messages");
            assertThat(client.lines("RETR 1")).contains("Subject: one");
            assertThat(noisy.command("CAPA")).startsWith("+OK");
            client.command("QUIT");
        }
    }

    @Test
    void aPop3sServerSharingTheLocksSeesTheMaildropInUse() throws IOException {
        pop3 = new Pop3Fixture();
        SelfSignedCertificate certificate = SelfSignedCertificate.generate();
        try (Pop3Server pop3s = Pop3Server.builder()
                .store(pop3.imap.store)
                .directory(pop3.imap.directory)
                .port(0)
                .tlsMode(TlsMode.IMPLICIT)
                .sslContext(certificate.serverContext())
                .shareLocksWith(pop3.server)
                .build()) {
            pop3s.start();
            try (Pop3LineClient plain = new Pop3LineClient(pop3.port());
                    SSLSocket tls = (SSLSocket) certificate
                            .clientContext()
                            .getSocketFactory()
                            .createSocket(InetAddress.getLoopbackAddress(), pop3s.port())) {
                assertThat(plain.login()).startsWith("+OK");
                tls.setSoTimeout(10_000);
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.US_ASCII));
                assertThat(in.readLine()).startsWith("+OK");
                tls.getOutputStream()
                        .write("USER alice@example.com\r\nPASS secret\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(in.readLine()).startsWith("+OK");
                assertThat(in.readLine()).startsWith("-ERR [IN-USE]");
                plain.command("QUIT");
            }
        }
    }

    @Test
    void aDroppedTlsConnectionReleasesTheLock() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.generate();
        pop3 = Pop3Fixture.withTls(TlsMode.IMPLICIT, certificate);
        pop3.deliver("Subject: one\n\n1\n");
        assertThat(loginOverTlsAndDrop(certificate, "DELE 1")).startsWith("+OK maildrop has 1 messages");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(loginOverTlsAndDrop(certificate, "NOOP")).startsWith("+OK maildrop has 1 messages"));
    }

    /** Logs in over implicit TLS, sends one more command, and drops the connection without QUIT. */
    private String loginOverTlsAndDrop(SelfSignedCertificate certificate, String command) throws IOException {
        try (SSLSocket tls = (SSLSocket) certificate
                .clientContext()
                .getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), pop3.port())) {
            tls.setSoTimeout(10_000);
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.US_ASCII));
            in.readLine();
            tls.getOutputStream()
                    .write(("USER alice@example.com\r\nPASS secret\r\n" + command + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            in.readLine();
            String pass = in.readLine();
            in.readLine();
            return pass;
        }
    }

    @Test
    void uidlEqualsTheEmailIdImapFetches() throws IOException {
        pop3 = new Pop3Fixture();
        pop3.deliver("Subject: one\n\n1\n");
        pop3.deliver("Subject: two\n\n2\n");
        List<String> uidl;
        try (Pop3LineClient client = new Pop3LineClient(pop3.port())) {
            client.login();
            uidl = client.lines("UIDL").subList(1, 3);
            client.command("QUIT");
        }
        List<String> emailIds = new ArrayList<>();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), pop3.imap.port())) {
            socket.setSoTimeout(10_000);
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            in.readLine();
            socket.getOutputStream()
                    .write(("a LOGIN alice@example.com secret\r\nb SELECT INBOX\r\nc FETCH 1:* (EMAILID)\r\n")
                            .getBytes(StandardCharsets.UTF_8));
            String line;
            while (!(line = in.readLine()).startsWith("c ")) {
                if (line.contains("EMAILID (")) {
                    String seq = line.split(" ")[1];
                    String id = line.substring(line.indexOf("EMAILID (") + 9, line.indexOf(')'));
                    emailIds.add(seq + " " + id);
                }
            }
        }
        assertThat(uidl).isEqualTo(emailIds);
    }

    @Test
    void aMessageAppendedOverImapDuringASessionAppearsOnlyInTheNext() throws IOException {
        pop3 = new Pop3Fixture();
        pop3.deliver("Subject: one\n\n1\n");
        try (Pop3LineClient client = new Pop3LineClient(pop3.port())) {
            assertThat(client.login()).startsWith("+OK maildrop has 1 message");
            List<String> listBefore = client.lines("LIST");
            List<String> uidlBefore = client.lines("UIDL");

            String message = "Subject: appended\r\n\r\nover IMAP\r\n";
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), pop3.imap.port())) {
                socket.setSoTimeout(10_000);
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                in.readLine();
                var out = socket.getOutputStream();
                out.write(("a LOGIN alice@example.com secret\r\nb APPEND INBOX {" + message.length() + "}\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                String line;
                while (!(line = in.readLine()).startsWith("+")) {
                    assertThat(line).doesNotStartWith("b ");
                }
                out.write((message + "\r\n").getBytes(StandardCharsets.UTF_8));
                while (!(line = in.readLine()).startsWith("b ")) {
                    // untagged responses
                }
                assertThat(line).startsWith("b OK");
            }
            assertThat(inboxMessages()).hasSize(2);

            assertThat(client.command("STAT")).startsWith("+OK 1 ");
            assertThat(client.lines("LIST")).isEqualTo(listBefore);
            assertThat(client.lines("UIDL")).isEqualTo(uidlBefore);
            assertThat(client.command("RETR 2")).isEqualTo("-ERR no such message");
            assertThat(client.command("QUIT")).startsWith("+OK");
        }
        try (Pop3LineClient next = new Pop3LineClient(pop3.port())) {
            assertThat(next.login()).startsWith("+OK maildrop has 2 messages");
            assertThat(next.lines("RETR 2")).contains("over IMAP");
            next.command("QUIT");
        }
    }

    @Test
    void loginDelayAndExpireAreAnnouncedAndLoginDelayIsKept() throws IOException {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        pop3 = new Pop3Fixture(
                b -> b.clock(clock).loginDelay(Duration.ofMinutes(5)).expire(Duration.ofDays(30)));
        try (Pop3LineClient client = new Pop3LineClient(pop3.port())) {
            assertThat(client.lines("CAPA")).contains("EXPIRE 30", "LOGIN-DELAY 300");
            assertThat(client.login()).startsWith("+OK");
            client.command("QUIT");
        }
        try (Pop3LineClient client = new Pop3LineClient(pop3.port())) {
            clock.advance(Duration.ofMinutes(4));
            assertThat(client.login()).isEqualTo("-ERR [LOGIN-DELAY] logged in too recently");
            clock.advance(Duration.ofMinutes(1));
            assertThat(client.login()).startsWith("+OK");
            client.command("QUIT");
        }
    }

    /** A clock a test moves by hand. */
    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
