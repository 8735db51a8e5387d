/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.pop3;

import dev.mailcore.imap.ImapFixture;
import dev.mailcore.net.SelfSignedCertificate;
import dev.mailcore.net.TlsMode;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A running POP3 server next to a running IMAP server, both over the same in-memory store, with one user
 * alice@example.com / secret.
 */
final class Pop3Fixture implements AutoCloseable {
    static final String USER = ImapFixture.USER;
    static final String PASSWORD = ImapFixture.PASSWORD;

    final ImapFixture imap = new ImapFixture();
    final Pop3Server server;

    Pop3Fixture() {
        this(b -> b);
    }

    Pop3Fixture(UnaryOperator<Pop3Server.Builder> settings) {
        server = settings.apply(Pop3Server.builder()
                        .store(imap.store)
                        .directory(imap.directory)
                        .port(0)
                        .authBackoff(Duration.ofMillis(10)))
                .build();
        server.start();
    }

    static Pop3Fixture withTls(TlsMode mode, SelfSignedCertificate certificate) {
        return new Pop3Fixture(b -> b.tlsMode(mode).sslContext(certificate.serverContext()));
    }

    int port() {
        return server.port();
    }

    /** Appends a message to the INBOX; LF line ends become CRLF. Returns the email id. */
    String deliver(String message) {
        return imap.deliver("INBOX", message).emailId().value();
    }

    @Override
    public void close() {
        server.close();
        imap.close();
    }
}
