/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcore.net.ScriptRunner;
import dev.mailcore.net.SelfSignedCertificate;
import dev.mailcore.net.SlowReader;
import dev.mailcore.net.TlsMode;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** STARTTLS and implicit TLS with a certificate generated at runtime; LOGIN refused before TLS. */
class TlsTest {
    private static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.generate();

    private ImapFixture imap;

    @AfterEach
    void stop() {
        imap.close();
    }

    private Properties trusting(String protocol) {
        Properties properties = new Properties();
        properties.put(
                "mail." + protocol + ".ssl.socketFactory",
                CERTIFICATE.clientContext().getSocketFactory());
        properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "10000");
        return properties;
    }

    @Test
    void angusUpgradesWithStartTls() throws MessagingException {
        imap = ImapFixture.withTls(TlsMode.STARTTLS, CERTIFICATE);
        Properties properties = trusting("imap");
        properties.put("mail.imap.starttls.enable", "true");
        properties.put("mail.imap.starttls.required", "true");

        Store store = Session.getInstance(properties).getStore("imap");
        store.connect("localhost", imap.port(), ImapFixture.USER, ImapFixture.PASSWORD);
        try {
            assertThat(((IMAPStore) store).isSSL()).isTrue();
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isZero();
        } finally {
            store.close();
        }
    }

    @Test
    void compressionRunsInsideStartTls() throws Exception {
        imap = ImapFixture.withTls(TlsMode.STARTTLS, CERTIFICATE);
        String body = "compressed inside TLS\r\n".repeat(2_000);
        imap.deliver("INBOX", "Subject: both\n\n" + body.replace("\r\n", "\n"));
        Properties properties = trusting("imap");
        properties.put("mail.imap.starttls.enable", "true");
        properties.put("mail.imap.starttls.required", "true");
        properties.put("mail.imap.compress.enable", "true");

        Store store = Session.getInstance(properties).getStore("imap");
        store.connect("localhost", imap.port(), ImapFixture.USER, ImapFixture.PASSWORD);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessage(1).getContent()).isEqualTo(body);
        } finally {
            store.close();
        }
    }

    @Test
    void angusConnectsWithImplicitTls() throws MessagingException {
        imap = ImapFixture.withTls(TlsMode.IMPLICIT, CERTIFICATE);
        imap.deliver("INBOX", "Subject: secret\n\nover TLS\n");

        Store store = Session.getInstance(trusting("imaps")).getStore("imaps");
        store.connect("localhost", imap.port(), ImapFixture.USER, ImapFixture.PASSWORD);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessage(1).getSubject()).isEqualTo("secret");
        } finally {
            store.close();
        }
    }

    @Test
    void loginIsDisabledBeforeTlsWhenPlaintextIsNotAllowed() throws Exception {
        imap = new ImapFixture(b -> b.tlsMode(TlsMode.STARTTLS)
                .sslContext(CERTIFICATE.serverContext())
                .allowPlaintextAuth(false));
        ScriptRunner.run("logindisabled.txt", imap.port());

        // Angus sees LOGINDISABLED and no AUTH= mechanism, and gives up without sending the password.
        Properties properties = new Properties();
        Store store = Session.getInstance(properties).getStore("imap");
        assertThatThrownBy(() -> store.connect("localhost", imap.port(), ImapFixture.USER, ImapFixture.PASSWORD))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("No login methods");
    }

    @Test
    void commandsPipelinedAfterStartTlsAreDiscarded() throws Exception {
        imap = ImapFixture.withTls(TlsMode.STARTTLS, CERTIFICATE);
        try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), imap.port())) {
            plain.setSoTimeout(10_000);
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(plain.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("* OK");
            OutputStream out = plain.getOutputStream();
            // The injected command arrives in the same packet as STARTTLS, as in CVE-2011-0411.
            out.write("a1 STARTTLS\r\na2 LOGIN alice@example.com secret\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(in.readLine()).startsWith("a1 OK");

            SSLSocket tls = (SSLSocket)
                    CERTIFICATE.clientContext().getSocketFactory().createSocket(plain, "localhost", imap.port(), true);
            tls.startHandshake();
            BufferedReader secured =
                    new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.US_ASCII));
            tls.getOutputStream().write("a3 NOOP\r\n".getBytes(StandardCharsets.US_ASCII));
            tls.getOutputStream().flush();

            // a2 never ran: the first answer over TLS is a3's, and the session is still unauthenticated.
            assertThat(secured.readLine()).isEqualTo("a3 OK NOOP completed");
            tls.getOutputStream().write("a4 SELECT INBOX\r\n".getBytes(StandardCharsets.US_ASCII));
            tls.getOutputStream().flush();
            assertThat(secured.readLine()).isEqualTo("a4 BAD log in first");
        }
    }

    @Test
    void pipelinedFetchesOfALargeMessageReachASlowReaderWholeOverImplicitTls() throws Exception {
        imap = ImapFixture.withTls(TlsMode.IMPLICIT, CERTIFICATE);
        StringBuilder text = new StringBuilder("Subject: large\n\n");
        for (int i = 0; text.length() < 1 << 20; i++) {
            text.append("line ").append(i).append(" of a large message over TLS\n");
        }
        long uid = imap.deliver("INBOX", text.toString()).uid();
        byte[] expected = text.toString().replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII);
        int fetches = 8;

        try (SSLSocket tls = (SSLSocket) CERTIFICATE
                .clientContext()
                .getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), imap.port())) {
            tls.setSoTimeout(30_000);
            StringBuilder commands = new StringBuilder("a LOGIN alice@example.com secret\r\nb SELECT INBOX\r\n");
            for (int i = 0; i < fetches; i++) {
                commands.append('f').append(i).append(" UID FETCH ").append(uid).append(" BODY.PEEK[]\r\n");
            }
            commands.append("z LOGOUT\r\n");
            OutputStream out = tls.getOutputStream();
            out.write(commands.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();

            // Reads a few KiB at a time, so the server's writes keep finding the socket full.
            InputStream in = new SlowReader(tls.getInputStream());
            Pattern literal = Pattern.compile("\\{(\\d+)}$");
            int bodies = 0;
            for (String line; (line = rawLine(in)) != null && !line.startsWith("z "); ) {
                Matcher m = literal.matcher(line);
                if (m.find()) {
                    byte[] body = in.readNBytes(Integer.parseInt(m.group(1)));
                    assertThat(body.length).as("body %d length", bodies).isEqualTo(expected.length);
                    assertThat(Arrays.equals(body, expected))
                            .as("body %d whole", bodies)
                            .isTrue();
                    bodies++;
                } else if (line.startsWith("f")) {
                    assertThat(line).contains("OK");
                }
            }
            assertThat(bodies).isEqualTo(fetches);
        }
    }

    /** One line without its CRLF, read byte by byte so a literal after it stays unread; null at end of stream. */
    private static String rawLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
