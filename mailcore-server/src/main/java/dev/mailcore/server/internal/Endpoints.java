/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server.internal;

import dev.mailcore.imap.ImapServer;
import dev.mailcore.jmap.JmapHandler;
import dev.mailcore.net.ListenerBuilder;
import dev.mailcore.net.TlsMode;
import dev.mailcore.pop3.Pop3Server;
import dev.mailcore.smtp.SmtpMode;
import dev.mailcore.smtp.SmtpServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Builds the protocol server of each {@link dev.mailcore.server.Protocol}. A new protocol is one constant there and
 * one method here. One factory serves one start of a server: the POP3 listeners it makes share their locks, and the
 * HTTP listeners share one HTTP server.
 */
public final class Endpoints {
    private final ProtocolSettings settings;
    private Pop3Server firstPop3;
    private HttpHost httpHost;

    public Endpoints(ProtocolSettings settings) {
        this.settings = settings;
    }

    /** The server for {@code spec}, built but not started. */
    public Endpoint create(ListenerSpec spec) {
        InetAddress address = address(spec);
        return switch (spec.protocol()) {
            case IMAP -> imap(spec, address, offeredStartTls());
            case IMAPS -> imap(spec, address, TlsMode.IMPLICIT);
            case POP3 -> pop3(spec, address, offeredStartTls());
            case POP3S -> pop3(spec, address, TlsMode.IMPLICIT);
            case SMTP -> smtp(spec, address, SmtpMode.MX, offeredStartTls());
            case SUBMISSION -> smtp(spec, address, SmtpMode.SUBMISSION, TlsMode.STARTTLS);
            case SUBMISSIONS -> smtp(spec, address, SmtpMode.SUBMISSION, TlsMode.IMPLICIT);
            case LMTP -> smtp(spec, address, SmtpMode.LMTP, TlsMode.NONE);
            case HTTP -> http(spec, address, null);
            case HTTPS -> http(spec, address, settings.sslContext());
        };
    }

    /** What every line protocol takes from the server's settings: address, port, TLS, plaintext rule, idle time. */
    private void listener(ListenerBuilder<?> b, ListenerSpec spec, InetAddress address, TlsMode tls) {
        b.bindAddress(address).port(spec.port()).tlsMode(tls);
        if (tls != TlsMode.NONE) {
            b.sslContext(settings.sslContext());
        }
        if (settings.allowPlaintextAuth() != null) {
            b.allowPlaintextAuth(settings.allowPlaintextAuth());
        }
        if (settings.idleTimeout() != null) {
            b.idleTimeout(settings.idleTimeout());
        }
    }

    private TlsMode offeredStartTls() {
        return settings.sslContext() == null ? TlsMode.NONE : TlsMode.STARTTLS;
    }

    private Endpoint imap(ListenerSpec spec, InetAddress address, TlsMode tls) {
        ImapServer.Builder b = ImapServer.builder().store(settings.store()).directory(settings.directory());
        listener(b, spec, address, tls);
        if (settings.maxMessageSize() != null) {
            b.maxLiteralSize(settings.maxMessageSize());
        }
        if (settings.maxLineLength() != null) {
            b.maxLineLength(settings.maxLineLength());
        }
        ImapServer server = b.build();
        return new Endpoint(spec.protocol(), address, server::start, server::port, server::close);
    }

    private Endpoint pop3(ListenerSpec spec, InetAddress address, TlsMode tls) {
        Pop3Server.Builder b = Pop3Server.builder().store(settings.store()).directory(settings.directory());
        listener(b, spec, address, tls);
        // POP3 keeps its own line limit: maxLineLength is sized for IMAP commands carrying long sequence sets.
        if (firstPop3 != null) {
            b.shareLocksWith(firstPop3);
        }
        Pop3Server server = b.build();
        if (firstPop3 == null) {
            firstPop3 = server;
        }
        return new Endpoint(spec.protocol(), address, server::start, server::port, server::close);
    }

    private Endpoint http(ListenerSpec spec, InetAddress address, SSLContext tls) {
        if (httpHost == null) {
            JmapHandler.Builder jmap = JmapHandler.builder()
                    .store(settings.store())
                    .directory(settings.directory())
                    .accountObjects(settings.accountObjects())
                    .outboundQueue(settings.outboundQueue());
            if (settings.allowPlaintextAuth() != null) {
                jmap.allowPlaintextAuth(settings.allowPlaintextAuth());
            }
            httpHost = new HttpHost(jmap.build());
        }
        HttpHost host = httpHost;
        ServerConnector connector = host.connector(address, spec.port(), tls, settings.idleTimeout());
        return new Endpoint(spec.protocol(), address, host::start, connector::getLocalPort, host::stop);
    }

    private Endpoint smtp(ListenerSpec spec, InetAddress address, SmtpMode mode, TlsMode tls) {
        SmtpServer.Builder b = SmtpServer.builder()
                .store(settings.store())
                .directory(settings.directory())
                .mode(mode)
                .hostname(settings.hostname())
                .outboundQueue(settings.outboundQueue());
        listener(b, spec, address, tls);
        if (settings.maxMessageSize() != null) {
            b.maxMessageSize(settings.maxMessageSize());
        }
        settings.smtpFilters().forEach(b::filter);
        settings.smtpListeners().forEach(b::listener);
        b.verifyAddresses(settings.verifyAddresses());
        // SMTP's line length is fixed by RFC 5321; maxLineLength applies to IMAP only.
        SmtpServer server = b.build();
        return new Endpoint(spec.protocol(), address, server::start, server::port, server::close);
    }

    private static InetAddress address(ListenerSpec spec) {
        try {
            return InetAddress.getByName(spec.host());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(
                    "unknown host for " + spec.protocol().key() + ": " + spec.host(), e);
        }
    }
}
