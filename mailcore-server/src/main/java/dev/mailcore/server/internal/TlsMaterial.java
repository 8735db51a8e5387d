/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server.internal;

import dev.mailcore.net.SelfSignedCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Where a server's certificate and key come from; each kind makes the server's TLS context. */
public sealed interface TlsMaterial {
    /** A server TLS context presenting the certificate. */
    SSLContext serverContext();

    /** A certificate chain and a private key in PEM files. */
    record Pem(Path certificateChain, Path privateKey) implements TlsMaterial {
        @Override
        public SSLContext serverContext() {
            char[] password = new char[0];
            return contextOf(PemKeys.keyStore(certificateChain, privateKey, password), password);
        }
    }

    /** A PKCS#12 key store holding one key entry. */
    record Pkcs12(Path keyStore, String password) implements TlsMaterial {
        @Override
        public SSLContext serverContext() {
            char[] secret = password.toCharArray();
            try (InputStream in = Files.newInputStream(keyStore)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, secret);
                return contextOf(store, secret);
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException(
                        "cannot read the PKCS#12 key store " + keyStore + ": " + e.getMessage(), e);
            }
        }
    }

    /** A key and certificate for localhost made at start, trusted by nobody: tests and demos. */
    record SelfSigned() implements TlsMaterial {
        @Override
        public SSLContext serverContext() {
            return SelfSignedCertificate.generate().serverContext();
        }
    }

    private static SSLContext contextOf(KeyStore store, char[] password) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the server key: " + e.getMessage(), e);
        }
    }
}
