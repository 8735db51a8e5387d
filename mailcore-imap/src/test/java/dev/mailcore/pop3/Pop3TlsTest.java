/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.net.ScriptRunner;
import dev.mailcore.net.SelfSignedCertificate;
import dev.mailcore.net.TlsMode;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** STLS (RFC 2595) and implicit TLS (POP3S) with a certificate generated at runtime. */
class Pop3TlsTest {
    private static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.generate();

    private Pop3Fixture pop3;

    @AfterEach
    void stop() {
        pop3.close();
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
    void angusUpgradesWithStls() throws MessagingException {
        pop3 = Pop3Fixture.withTls(TlsMode.STARTTLS, CERTIFICATE);
        pop3.deliver("Subject: upgraded\n\nafter STLS\n");
        Properties properties = trusting("pop3");
        properties.put("mail.pop3.starttls.enable", "true");
        properties.put("mail.pop3.starttls.required", "true");

        Store store = Session.getInstance(properties).getStore("pop3");
        store.connect("localhost", pop3.port(), Pop3Fixture.USER, Pop3Fixture.PASSWORD);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessage(1).getSubject()).isEqualTo("upgraded");
            inbox.close(false);
        } finally {
            store.close();
        }
    }

    @Test
    void angusConnectsWithImplicitTls() throws MessagingException {
        pop3 = Pop3Fixture.withTls(TlsMode.IMPLICIT, CERTIFICATE);
        pop3.deliver("Subject: secret\n\nover TLS\n");

        Store store = Session.getInstance(trusting("pop3s")).getStore("pop3s");
        store.connect("localhost", pop3.port(), Pop3Fixture.USER, Pop3Fixture.PASSWORD);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessage(1).getSubject()).isEqualTo("secret");
            inbox.close(false);
        } finally {
            store.close();
        }
    }

    @Test
    void passwordsAreRefusedBeforeStlsWhenPlaintextIsNotAllowed() throws Exception {
        pop3 = new Pop3Fixture(b -> b.tlsMode(TlsMode.STARTTLS)
                .sslContext(CERTIFICATE.serverContext())
                .allowPlaintextAuth(false));
        ScriptRunner.run("pop3/plaintext-disabled.txt", pop3.port());
    }

    @Test
    void stlsThenLoginOverTlsWhenPlaintextIsNotAllowed() throws Exception {
        pop3 = new Pop3Fixture(b -> b.tlsMode(TlsMode.STARTTLS)
                .sslContext(CERTIFICATE.serverContext())
                .allowPlaintextAuth(false));
        Properties properties = trusting("pop3");
        properties.put("mail.pop3.starttls.enable", "true");
        Store store = Session.getInstance(properties).getStore("pop3");
        store.connect("localhost", pop3.port(), Pop3Fixture.USER, Pop3Fixture.PASSWORD);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isZero();
            inbox.close(false);
        } finally {
            store.close();
        }
    }

    @Test
    void commandsPipelinedAfterStlsAreDiscarded() throws Exception {
        pop3 = Pop3Fixture.withTls(TlsMode.STARTTLS, CERTIFICATE);
        try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), pop3.port())) {
            plain.setSoTimeout(10_000);
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(plain.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("+OK");
            OutputStream out = plain.getOutputStream();
            // The injected commands arrive in the same packet as STLS, as in CVE-2011-0411.
            out.write("STLS\r\nUSER alice@example.com\r\nPASS secret\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(in.readLine()).isEqualTo("+OK begin TLS negotiation");

            SSLSocket tls = (SSLSocket)
                    CERTIFICATE.clientContext().getSocketFactory().createSocket(plain, "localhost", pop3.port(), true);
            tls.startHandshake();
            BufferedReader secured =
                    new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.US_ASCII));
            tls.getOutputStream().write("STAT\r\nSTLS\r\n".getBytes(StandardCharsets.US_ASCII));
            tls.getOutputStream().flush();
            // USER and PASS never ran: still not logged in, and no second STLS.
            assertThat(secured.readLine()).isEqualTo("-ERR log in first");
            assertThat(secured.readLine()).isEqualTo("-ERR already secure");
        }
    }
}
