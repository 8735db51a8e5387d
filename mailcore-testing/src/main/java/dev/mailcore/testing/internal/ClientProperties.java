/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.testing.internal;

import dev.mailcore.server.Protocol;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;

/**
 * The Angus Mail properties that point a client at one listener of the test server. With TLS the client trusts the
 * test CA alone, checks the server's name, and insists on STARTTLS where the listener starts in plain text.
 */
public final class ClientProperties {
    /** Clients give up on a silent server well before a test's own timeout would. */
    private static final String CONNECT_TIMEOUT_MILLIS = "10000";

    private static final String READ_TIMEOUT_MILLIS = "30000";

    private ClientProperties() {}

    /** The Angus Mail protocol name a client of {@code protocol} uses. */
    public static String scheme(Protocol protocol) {
        return switch (protocol) {
            case IMAP -> "imap";
            case IMAPS -> "imaps";
            case SMTP, SUBMISSION -> "smtp";
            case SUBMISSIONS -> "smtps";
            case POP3 -> "pop3";
            case POP3S -> "pop3s";
            case LMTP -> throw new IllegalArgumentException("Angus Mail has no LMTP client");
            case HTTP, HTTPS -> throw new IllegalArgumentException("Angus Mail has no JMAP client");
        };
    }

    /**
     * Properties for a client of {@code protocol} at {@code host}:{@code port}; {@code tls} is the socket factory
     * trusting the test CA, or null when the server has no TLS.
     */
    public static Properties of(Protocol protocol, String host, int port, SSLSocketFactory tls) {
        String scheme = scheme(protocol);
        String prefix = "mail." + scheme + ".";
        Properties p = new Properties();
        boolean store = scheme.startsWith("imap") || scheme.startsWith("pop3");
        p.setProperty(store ? "mail.store.protocol" : "mail.transport.protocol", scheme);
        p.setProperty(prefix + "host", host);
        p.setProperty(prefix + "port", Integer.toString(port));
        p.setProperty(prefix + "connectiontimeout", CONNECT_TIMEOUT_MILLIS);
        p.setProperty(prefix + "timeout", READ_TIMEOUT_MILLIS);
        if (!store) {
            // Otherwise the client names itself in EHLO after a reverse lookup of the machine's name, which can
            // take seconds where DNS is slow or absent.
            p.setProperty(prefix + "localhost", "localhost");
        }
        if (protocol == Protocol.SUBMISSION || protocol == Protocol.SUBMISSIONS) {
            p.setProperty(prefix + "auth", "true");
        }
        if (tls != null) {
            p.put(prefix + "ssl.socketFactory", tls);
            p.setProperty(prefix + "ssl.checkserveridentity", "true");
            if (protocol != Protocol.IMAPS && protocol != Protocol.SUBMISSIONS && protocol != Protocol.POP3S) {
                p.setProperty(prefix + "starttls.enable", "true");
                p.setProperty(prefix + "starttls.required", "true");
            }
        }
        return p;
    }
}
