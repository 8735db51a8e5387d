/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap;

import dev.mailcore.api.MailStore;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.imap.internal.ImapConfig;
import dev.mailcore.imap.internal.ImapLiterals;
import dev.mailcore.imap.internal.ImapSession;
import dev.mailcore.imap.internal.Processors;
import dev.mailcore.net.Connection;
import dev.mailcore.net.ListenerBuilder;
import dev.mailcore.net.ListenerSettings;
import dev.mailcore.net.NetListener;
import dev.mailcore.net.ProtocolFactory;
import dev.mailcore.net.ProtocolHandler;
import java.time.Duration;
import java.util.Objects;

/**
 * An IMAP4rev2 / IMAP4rev1 server over a {@link MailStore}, authenticating against a {@link Directory}.
 *
 * <pre>{@code
 * try (ImapServer imap = ImapServer.builder()
 *         .store(engine)
 *         .directory(directory)
 *         .port(0)
 *         .build()) {
 *     imap.start();
 *     int port = imap.port();
 *     ...
 * }
 * }</pre>
 *
 * <p>Plaintext LOGIN / AUTHENTICATE is allowed on loopback connections and after TLS; elsewhere the server announces
 * LOGINDISABLED unless {@link Builder#allowPlaintextAuth(boolean)} says otherwise.
 */
public final class ImapServer implements AutoCloseable {
    private final NetListener listener;

    private ImapServer(Builder b) {
        ListenerSettings shared = b.listenerSettings();
        ImapConfig config = new ImapConfig(
                b.store,
                b.directory,
                shared.allowPlaintextAuth(),
                shared.authBackoff(),
                b.clock,
                b.maxLiteralSize,
                Processors.standard());
        this.listener = NetListener.builder()
                .name("mailcore-imap")
                .settings(shared)
                .maxLineLength(b.maxLineLength)
                .maxLiteralSize(b.maxLiteralSize)
                .literals(new ImapLiterals())
                .protocol(new ProtocolFactory() {
                    @Override
                    public ProtocolHandler create(Connection connection) {
                        return new ImapSession(connection, config);
                    }

                    @Override
                    public String refusal() {
                        return "* BYE [UNAVAILABLE] too many connections\r\n";
                    }
                })
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port and starts serving; returns once the port is bound. */
    public void start() {
        listener.start();
    }

    /** The bound port. */
    public int port() {
        return listener.port();
    }

    /** Stops accepting, says BYE to connected clients after their current command, and closes. */
    @Override
    public void close() {
        listener.close();
    }

    /** Settings of an {@link ImapServer}. */
    public static final class Builder extends ListenerBuilder<Builder> {
        private MailStore store;
        private Directory directory;
        private java.time.Clock clock = java.time.Clock.systemUTC();
        private int maxLineLength = 64 * 1024;
        private long maxLiteralSize = 64L << 20;

        private Builder() {
            // 31 minutes: IDLE clients re-issue the command every 29 (RFC 2177).
            super(143, Duration.ofMinutes(31));
        }

        /** The mail store; required. */
        public Builder store(MailStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** The directory that checks passwords; required. */
        public Builder directory(Directory directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** The clock that SEARCH YOUNGER and OLDER (WITHIN) measure against; default the system clock. */
        public Builder clock(java.time.Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The longest command line; default 64 KiB. */
        public Builder maxLineLength(int bytes) {
            this.maxLineLength = bytes;
            return this;
        }

        /** The largest literal (APPEND message); default 64 MiB. */
        public Builder maxLiteralSize(long bytes) {
            this.maxLiteralSize = bytes;
            return this;
        }

        public ImapServer build() {
            if (store == null) {
                throw new IllegalStateException("set store(...)");
            }
            if (directory == null) {
                throw new IllegalStateException("set directory(...)");
            }
            listenerSettings();
            return new ImapServer(this);
        }
    }
}
