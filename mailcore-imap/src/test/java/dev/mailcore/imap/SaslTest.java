/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcore.net.ScramClient;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SCRAM-SHA-256 with a client computed here, OAUTHBEARER over a raw socket, and XOAUTH2 with Angus Mail. */
class SaslTest {
    private static final String TOKEN = "ya29.token-for-alice";
    private ImapFixture imap;
    private Socket socket;
    private BufferedReader in;

    @BeforeEach
    void start() throws IOException {
        imap = new ImapFixture();
        imap.directory.addToken(TOKEN, ImapFixture.USER);
        socket = new Socket(InetAddress.getLoopbackAddress(), imap.port());
        socket.setSoTimeout(10_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        assertThat(in.readLine()).contains("AUTH=SCRAM-SHA-256", "AUTH=OAUTHBEARER", "AUTH=XOAUTH2");
    }

    @AfterEach
    void stop() throws IOException {
        socket.close();
        imap.close();
    }

    @Test
    void scramProvesBothSidesAndLogsIn() throws Exception {
        assertThat(scram(ImapFixture.USER, ImapFixture.PASSWORD)).startsWith("a1 OK");
        send("a2 SELECT INBOX");
        String line;
        do {
            line = in.readLine();
        } while (!line.startsWith("a2 "));
        assertThat(line).startsWith("a2 OK");
    }

    @Test
    void scramRefusesAWrongPasswordAndAnUnknownUser() throws Exception {
        assertThat(scram(ImapFixture.USER, "wrong")).startsWith("a1 NO [AUTHENTICATIONFAILED]");
        assertThat(scram("nobody@example.com", "secret")).startsWith("a1 NO [AUTHENTICATIONFAILED]");
    }

    @Test
    void scramRefusesChannelBinding() throws Exception {
        send("a1 AUTHENTICATE SCRAM-SHA-256 " + base64("p=tls-unique,,n=alice@example.com,r=abc"));
        assertThat(in.readLine()).startsWith("a1 NO [AUTHENTICATIONFAILED]");
        send("a2 NOOP");
        assertThat(in.readLine()).startsWith("a2 OK");
    }

    @Test
    void oauthBearerTakesAKnownTokenAndAnswersAnUnknownOneWithTheErrorChallenge() throws Exception {
        send("a1 AUTHENTICATE OAUTHBEARER "
                + base64("n,a=" + ImapFixture.USER + ",\u0001auth=Bearer nope\u0001\u0001"));
        String challenge = in.readLine();
        assertThat(challenge).startsWith("+ ");
        assertThat(decode(challenge.substring(2))).contains("\"status\":\"invalid_token\"");
        send("AQ==");
        assertThat(in.readLine()).startsWith("a1 NO [AUTHENTICATIONFAILED]");

        send("a2 AUTHENTICATE OAUTHBEARER "
                + base64("n,a=" + ImapFixture.USER + ",\u0001auth=Bearer " + TOKEN + "\u0001\u0001"));
        assertThat(in.readLine()).startsWith("a2 OK");
    }

    @Test
    void anExpiredTokenFailsLikeAnUnknownOne() throws Exception {
        imap.directory.addToken(
                "ya29.expired", ImapFixture.USER, Optional.of(Instant.now().minusSeconds(1)));
        send("a1 AUTHENTICATE OAUTHBEARER "
                + base64("n,a=" + ImapFixture.USER + ",\u0001auth=Bearer ya29.expired\u0001\u0001"));
        String challenge = in.readLine();
        assertThat(challenge).startsWith("+ ");
        assertThat(decode(challenge.substring(2))).contains("\"status\":\"invalid_token\"");
        send("AQ==");
        assertThat(in.readLine()).startsWith("a1 NO [AUTHENTICATIONFAILED]");
        send("a2 AUTHENTICATE XOAUTH2 "
                + base64("user=" + ImapFixture.USER + "\u0001auth=Bearer ya29.expired\u0001\u0001"));
        assertThat(in.readLine()).startsWith("+ ");
        send("");
        assertThat(in.readLine()).startsWith("a2 NO [AUTHENTICATIONFAILED]");
        send("a3 NOOP");
        assertThat(in.readLine()).startsWith("a3 OK");
    }

    @Test
    void angusMailLogsInWithXoauth2() throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imap.timeout", "10000");
        properties.put("mail.imap.auth.mechanisms", "XOAUTH2");
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect("127.0.0.1", imap.port(), ImapFixture.USER, TOKEN);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isZero();
        } finally {
            store.close();
        }
        Store refused = Session.getInstance(properties).getStore("imap");
        assertThatThrownBy(() -> refused.connect("127.0.0.1", imap.port(), ImapFixture.USER, "revoked"))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    /** Runs the client side of SCRAM-SHA-256 (RFC 5802) and returns the tagged answer. */
    private String scram(String user, String password) throws Exception {
        ScramClient client = new ScramClient(user, password);
        send("a1 AUTHENTICATE SCRAM-SHA-256 " + client.first());
        String line = in.readLine();
        assertThat(line).startsWith("+ ");
        send(client.answer(line.substring(2)));
        line = in.readLine();
        if (!line.startsWith("+ ")) {
            return line;
        }
        assertThat(decode(line.substring(2))).isEqualTo(decode(client.expectedServerFinal()));
        send("");
        return in.readLine();
    }

    private void send(String line) throws IOException {
        socket.getOutputStream().write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String text) {
        return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
    }
}
