/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfSignedCertificateTest {
    @Test
    void namesLocalhostAndTheLoopbackAddress() throws Exception {
        X509Certificate certificate = SelfSignedCertificate.generate().certificate();

        certificate.checkValidity();
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
        assertThat(certificate.getSubjectAlternativeNames())
                .extracting(name -> (Object) name.get(1))
                .containsExactlyInAnyOrder((Object) "localhost", "127.0.0.1");
        assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void givesServerAndClientContexts() {
        SelfSignedCertificate certificate = SelfSignedCertificate.generate();

        assertThat(certificate.serverContext().getProtocol()).isEqualTo("TLS");
        assertThat(List.of(certificate.clientContext().getSocketFactory().getDefaultCipherSuites()))
                .isNotEmpty();
    }
}
