/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.testing.internal;

import dev.mailcore.net.CertificateAuthority;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A certificate authority made for one extension and a server certificate it issued for {@code localhost} and
 * {@code 127.0.0.1}, written as files the server reads: a PKCS#12 key store, and the CA certificate in PEM for
 * clients configured by file.
 *
 * @param ca what clients trust
 * @param keyStore the server's key and chain
 * @param keyStorePassword the key store's password
 * @param caPem the CA certificate in PEM
 */
public record TestTls(CertificateAuthority ca, Path keyStore, String keyStorePassword, Path caPem) {
    /** Makes the CA and the server certificate and writes both under {@code directory}. */
    public static TestTls create(Path directory) {
        CertificateAuthority ca = CertificateAuthority.generate("Mailcore test CA");
        byte[] secret = new byte[12];
        new SecureRandom().nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        Path keyStore = directory.resolve("server.p12");
        Path caPem = directory.resolve("ca.pem");
        try {
            Files.createDirectories(directory);
            KeyStore store = ca.issue("localhost", "127.0.0.1").keyStore(password.toCharArray());
            try (OutputStream out = Files.newOutputStream(keyStore)) {
                store.store(out, password.toCharArray());
            }
            Files.writeString(caPem, ca.certificatePem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test TLS files", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the test key store", e);
        }
        return new TestTls(ca, keyStore, password, caPem);
    }
}
