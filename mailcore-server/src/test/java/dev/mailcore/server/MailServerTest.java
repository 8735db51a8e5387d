/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcore.smtp.Envelope;
import dev.mailcore.smtp.RecipientResult;
import dev.mailcore.smtp.SmtpListener;
import jakarta.mail.AuthenticationFailedException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailServerTest {
    @TempDir
    Path data;

    @Test
    void mailSentOverSmtpIsReadOverImapOnTheMemoryStore() throws Exception {
        try (MailServer server = MailServer.builder()
                .user("alice@localhost", "secret")
                .imap("127.0.0.1", 0)
                .smtp("127.0.0.1", 0)
                .build()
                .start()) {
            sendAndRead(server, "alice@localhost", "alice@localhost", "secret", "On memory");
        }
    }

    @Test
    void mailSurvivesARestartOnH2AndLuceneAndIsFoundBySearch() throws Exception {
        try (MailServer server = h2Server()) {
            sendAndRead(server, "bob@example.com", "bob@example.com", "pw", "On H2");
        }
        try (MailServer again = h2Server()) {
            InetSocketAddress imap = again.boundAddress(Protocol.IMAP);
            assertThat(MailClient.inboxSubjects("127.0.0.1", imap.getPort(), "bob", "pw"))
                    .containsExactly("On H2");
            assertThat(MailClient.searchSubjects("127.0.0.1", imap.getPort(), "bob", "pw", "test"))
                    .containsExactly("On H2");
        }
    }

    @Test
    void aRestartWithTheSamePasswordKeepsItAndWithAnotherReplacesIt() throws Exception {
        try (MailServer server = h2Server()) {
            assertThat(server.directory().authenticate("bob", "pw".toCharArray()))
                    .isPresent();
        }
        try (MailServer same = h2Server()) {
            sendAndRead(same, "bob@example.com", "bob", "pw", "Same password");
        }
        try (MailServer changed = h2Server("changed")) {
            int imap = changed.boundAddress(Protocol.IMAP).getPort();
            assertThat(MailClient.inboxSubjects("127.0.0.1", imap, "bob", "changed"))
                    .containsExactly("Same password");
            assertThatThrownBy(() -> MailClient.inboxSubjects("127.0.0.1", imap, "bob", "pw"))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void aUserTheDirectoryRefusesFailsTheStartAndReleasesTheDatabase() throws Exception {
        MailServer refused = MailServer.builder()
                .store(StoreKind.H2)
                .dataDirectory(data)
                .defaultDomain("example.com")
                .user("bob@", "pw")
                .imap("127.0.0.1", 0)
                .build();
        assertThatThrownBy(refused::start).isInstanceOf(IllegalArgumentException.class);
        try (MailServer server = h2Server()) {
            sendAndRead(server, "bob@example.com", "bob", "pw", "After a refused start");
        }
    }

    private MailServer h2Server() {
        return h2Server("pw");
    }

    private MailServer h2Server(String password) {
        return MailServer.builder()
                .store(StoreKind.H2)
                .dataDirectory(data)
                .defaultDomain("example.com")
                .user("bob", password)
                .imap("127.0.0.1", 0)
                .smtp("127.0.0.1", 0)
                .build()
                .start();
    }

    @Test
    void aBareLoginAndTheFullAddressBothLogIn() throws Exception {
        try (MailServer server = MailServer.builder()
                .defaultDomain("example.com")
                .user("carol", "pw")
                .imap("127.0.0.1", 0)
                .smtp("127.0.0.1", 0)
                .build()
                .start()) {
            sendAndRead(server, "carol@example.com", "carol", "pw", "Bare");
            int imap = server.boundAddress(Protocol.IMAP).getPort();
            assertThat(MailClient.inboxSubjects("127.0.0.1", imap, "carol@example.com", "pw"))
                    .containsExactly("Bare");
            assertThatThrownBy(() -> MailClient.inboxSubjects("127.0.0.1", imap, "carol", "wrong"))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void aUserAddedWhileRunningLogsIn() throws Exception {
        try (MailServer server = MailServer.builder()
                .defaultDomain("example.net")
                .imap("127.0.0.1", 0)
                .smtp("127.0.0.1", 0)
                .build()
                .start()) {
            assertThat(server.addUser("heidi", "pw").primaryAddress()).isEqualTo("heidi@example.net");
            sendAndRead(server, "heidi@example.net", "heidi", "pw", "Late");
        }
    }

    @Test
    void aNewPasswordReplacesTheRememberedOneAtOnce() throws Exception {
        try (MailServer server = MailServer.builder()
                .user("judy", "old")
                .imap("127.0.0.1", 0)
                .build()
                .start()) {
            int imap = server.boundAddress(Protocol.IMAP).getPort();
            assertThat(MailClient.inboxSubjects("127.0.0.1", imap, "judy", "old"))
                    .isEmpty();
            assertThat(MailClient.inboxSubjects("127.0.0.1", imap, "judy", "old"))
                    .isEmpty();

            server.addUser("judy", "new");

            assertThatThrownBy(() -> MailClient.inboxSubjects("127.0.0.1", imap, "judy", "old"))
                    .isInstanceOf(jakarta.mail.AuthenticationFailedException.class);
            assertThat(MailClient.inboxSubjects("127.0.0.1", imap, "judy@localhost", "new"))
                    .isEmpty();
        }
    }

    @Test
    void theMessageSizeLimitReachesSmtp() throws Exception {
        try (MailServer server = MailServer.builder()
                .user("ivan", "pw")
                .maxMessageSize(2_000)
                .imap("127.0.0.1", 0)
                .smtp("127.0.0.1", 0)
                .build()
                .start()) {
            int smtp = server.boundAddress(Protocol.SMTP).getPort();
            assertThatThrownBy(() -> MailClient.send("127.0.0.1", smtp, "ivan@localhost", "x".repeat(5_000)))
                    .isInstanceOf(jakarta.mail.MessagingException.class);
            sendAndRead(server, "ivan@localhost", "ivan", "pw", "Small enough");
        }
    }

    @Test
    void smtpListenersAndAddressVerificationReachSmtp() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        SmtpListener recorder = new SmtpListener() {
            @Override
            public void messageReceived(Envelope envelope, long octets, List<RecipientResult> results) {
                received.add(envelope.recipients().toString());
            }
        };
        try (MailServer server = MailServer.builder()
                .user("judy", "pw")
                .verifyAddresses(true)
                .smtpListener(recorder)
                .smtp("127.0.0.1", 0)
                .build()
                .start()) {
            int smtp = server.boundAddress(Protocol.SMTP).getPort();
            assertThat(MailClient.verify("127.0.0.1", smtp, "judy@localhost")).startsWith("250");
            assertThat(MailClient.verify("127.0.0.1", smtp, "nobody@localhost")).startsWith("550 5.1.1");
            // The listener runs after the reply; Angus's QUIT on close waits for the session to get past it.
            MailClient.send("127.0.0.1", smtp, "judy@localhost", "Observed");
            assertThat(received).singleElement().asString().contains("judy@localhost");
        }
        try (MailServer server = MailServer.builder()
                .user("judy", "pw")
                .smtp("127.0.0.1", 0)
                .build()
                .start()) {
            int smtp = server.boundAddress(Protocol.SMTP).getPort();
            assertThat(MailClient.verify("127.0.0.1", smtp, "judy@localhost")).startsWith("252");
        }
    }

    @Test
    void twoServersInOneJvmShareNothing() throws Exception {
        try (MailServer one = memoryServer();
                MailServer two = memoryServer()) {
            sendAndRead(one, "dave@localhost", "dave", "pw", "Only on one");
            assertThat(MailClient.inboxSubjects(
                            "127.0.0.1", two.boundAddress(Protocol.IMAP).getPort(), "dave", "pw"))
                    .isEmpty();
        }
    }

    private static MailServer memoryServer() {
        return MailServer.builder()
                .user("dave", "pw")
                .imap("127.0.0.1", 0)
                .smtp("127.0.0.1", 0)
                .build()
                .start();
    }

    @Test
    void portsListEveryListenerInTheOrderGiven() {
        try (MailServer server = MailServer.builder()
                .smtp("127.0.0.1", 0)
                .lmtp("127.0.0.1", 0)
                .imap("127.0.0.1", 0)
                .build()
                .start()) {
            assertThat(server.ports()).containsOnlyKeys(Protocol.SMTP, Protocol.LMTP, Protocol.IMAP);
            assertThat(server.ports().keySet()).containsExactly(Protocol.SMTP, Protocol.LMTP, Protocol.IMAP);
            assertThat(server.ports().values())
                    .allSatisfy(port -> assertThat(port).isPositive());
            assertThat(server.boundAddress(Protocol.LMTP).getAddress().getHostAddress())
                    .isEqualTo("127.0.0.1");
        }
    }

    @Test
    void settingsGivenTwiceOrMissingFailFast() {
        assertThatThrownBy(() -> MailServer.builder().imap("127.0.0.1", 0).imap("127.0.0.1", 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("imap");
        assertThatThrownBy(() -> MailServer.builder().store(StoreKind.H2).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dataDirectory");
        assertThatThrownBy(() -> MailServer.builder().search(SearchKind.LUCENE).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dataDirectory");
    }

    @Test
    void aListenerThatCannotBindClosesWhatWasOpened() {
        try (MailServer first =
                MailServer.builder().imap("127.0.0.1", 0).build().start()) {
            int taken = first.boundAddress(Protocol.IMAP).getPort();
            MailServer second = MailServer.builder()
                    .smtp("127.0.0.1", 0)
                    .imap("127.0.0.1", taken)
                    .build();
            assertThatThrownBy(second::start).isInstanceOf(RuntimeException.class);
            assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class);
        }
    }

    static void sendAndRead(MailServer server, String to, String login, String password, String subject)
            throws Exception {
        MailClient.send("127.0.0.1", server.boundAddress(Protocol.SMTP).getPort(), to, subject);
        assertThat(MailClient.inboxSubjects(
                        "127.0.0.1", server.boundAddress(Protocol.IMAP).getPort(), login, password))
                .containsExactly(subject);
    }
}
