/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {
    private final CertificateAuthority ca = CertificateAuthority.generate("Mailcore test CA");

    @Test
    void aClientTrustingTheCaAcceptsAnIssuedServerCertificateWithHostnameChecks() throws Exception {
        ServerCertificate server = ca.issue("localhost", "127.0.0.1");

        assertThat(server.chain()).hasSize(2);
        assertThat(server.chain().get(0).getIssuerX500Principal())
                .isEqualTo(ca.certificate().getSubjectX500Principal());
        assertThat(handshake(server.serverContext(), ca.clientContext())).isEqualTo("ok");
    }

    @Test
    void aClientTrustingAnotherCaRefusesTheCertificate() {
        ServerCertificate server = ca.issue("127.0.0.1");
        CertificateAuthority other = CertificateAuthority.generate("Another CA");

        assertThatThrownBy(() -> handshake(server.serverContext(), other.clientContext()))
                .isInstanceOf(SSLException.class);
    }

    @Test
    void aCertificateForAnotherNameFailsTheHostnameCheck() {
        ServerCertificate server = ca.issue("mail.example.com");

        assertThatThrownBy(() -> handshake(server.serverContext(), ca.clientContext()))
                .isInstanceOf(SSLException.class);
    }

    @Test
    void thePemHoldsOneCertificate() {
        assertThat(ca.certificatePem())
                .startsWith("-----BEGIN CERTIFICATE-----")
                .contains("-----END CERTIFICATE-----");
        assertThat(ca.certificate().getBasicConstraints()).isEqualTo(0);
    }

    /** Connects to 127.0.0.1 with endpoint identification on, so the certificate must name the address. */
    private static String handshake(SSLContext serverContext, SSLContext clientContext) throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (SSLServerSocket listener =
                (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0, 1, loopback)) {
            CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> {
                try (SSLSocket socket = (SSLSocket) listener.accept()) {
                    socket.startHandshake();
                    socket.getOutputStream().write("ok".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                } catch (IOException e) {
                    // The client reports the failure the test checks.
                }
            });
            try (SSLSocket client =
                    (SSLSocket) clientContext.getSocketFactory().createSocket(loopback, listener.getLocalPort())) {
                SSLParameters parameters = client.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                client.setSSLParameters(parameters);
                client.startHandshake();
                String reply =
                        new String(client.getInputStream().readNBytes(2), java.nio.charset.StandardCharsets.US_ASCII);
                accepted.join();
                return reply;
            }
        }
    }
}
