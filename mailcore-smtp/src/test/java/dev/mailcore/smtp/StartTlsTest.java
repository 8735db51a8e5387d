/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.net.SelfSignedCertificate;
import dev.mailcore.net.TlsMode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

class StartTlsTest {
    private static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.generate();

    private static List<String> reply(BufferedReader in) throws Exception {
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = in.readLine();
            lines.add(line);
        } while (line != null && line.charAt(3) == '-');
        return lines;
    }

    @Test
    void plaintextPipelinedAfterStartTlsIsDiscardedAndTheSessionStartsOver() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture(b ->
                        b.tlsMode(TlsMode.STARTTLS).allowPlaintextAuth(false).sslContext(CERTIFICATE.serverContext()));
                Socket plain = new Socket(InetAddress.getLoopbackAddress(), smtp.port())) {
            plain.setSoTimeout(10_000);
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(plain.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = plain.getOutputStream();
            reply(in);
            out.write("EHLO client\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(reply(in)).contains("250 STARTTLS").noneMatch(l -> l.contains("AUTH"));
            // The injected MAIL must never be answered (CVE-2011-0411).
            out.write("STARTTLS\r\nMAIL FROM:<injected@example.org>\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(reply(in)).containsExactly("220 2.0.0 Go ahead with TLS");

            SSLSocket tls = (SSLSocket)
                    CERTIFICATE.clientContext().getSocketFactory().createSocket(plain, "localhost", smtp.port(), true);
            tls.startHandshake();
            BufferedReader secureIn =
                    new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream secureOut = tls.getOutputStream();
            secureOut.write("MAIL FROM:<a@example.org>\r\n".getBytes(StandardCharsets.US_ASCII));
            // The server forgot the EHLO: the session starts over after TLS.
            assertThat(reply(secureIn)).singleElement().asString().startsWith("503 5.5.1");
            secureOut.write("EHLO client\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(reply(secureIn))
                    .contains("250 AUTH SCRAM-SHA-256 PLAIN LOGIN OAUTHBEARER XOAUTH2")
                    .noneMatch(l -> l.contains("STARTTLS"));
        }
    }
}
