/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp;

import dev.mailcore.api.MailStore;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.api.spi.OutboundQueue;
import dev.mailcore.net.NetListener;
import dev.mailcore.net.TlsMode;
import dev.mailcore.smtp.internal.FilterChain;
import dev.mailcore.smtp.internal.SmtpLiterals;
import dev.mailcore.smtp.internal.SmtpSession;
import dev.mailcore.smtp.internal.SmtpSettings;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * An SMTP, submission or LMTP server that delivers to the local accounts of a {@link MailStore}.
 *
 * <pre>{@code
 * try (SmtpServer smtp = SmtpServer.builder()
 *         .store(engine)
 *         .directory(directory)
 *         .mode(SmtpMode.MX)
 *         .hostname("mx.example.com")
 *         .port(0)
 *         .build()) {
 *     smtp.start();
 *     int port = smtp.port();
 * }
 * }</pre>
 *
 * <p>Mail for a local domain goes to the INBOX of the account the directory resolves the address to; mail for other
 * domains from authenticated clients goes to the {@linkplain Builder#outboundQueue outbound queue}, and is refused
 * (550 5.7.1) without one and for everyone else. {@link Builder#capture} turns the server into a catch-everything
 * sink for tests.
 */
public final class SmtpServer implements AutoCloseable {
    private final NetListener listener;

    private SmtpServer(Builder builder) {
        SmtpSettings settings = new SmtpSettings(
                builder.store,
                builder.directory,
                builder.mode,
                builder.hostname,
                builder.maxMessageSize,
                builder.maxRecipients,
                builder.maxBadCommands,
                builder.allowPlaintextAuth,
                builder.authBackoff,
                builder.clock,
                new FilterChain(builder.filters),
                builder.outboundQueue,
                builder.capture == null ? null : builder.capture::add,
                builder.greetingDelay,
                builder.dataTimeout);
        NetListener.Builder net = NetListener.builder()
                .name("mailcore-" + builder.mode.name().toLowerCase(Locale.ROOT))
                .bindAddress(builder.bindAddress)
                .port(builder.port)
                .tlsMode(builder.tlsMode)
                // RFC 5321: a command line is at most 1,000 octets with its CRLF; RFC 4954 allows 12,288 for AUTH.
                .maxLineLength(builder.tolerantLineLength ? 12_286 : 998)
                // A BDAT chunk is read as a literal: no single chunk may exceed the whole message's limit.
                .maxLiteralSize(builder.maxMessageSize)
                .idleTimeout(builder.idleTimeout)
                .literals(new SmtpLiterals())
                .protocol(connection -> new SmtpSession(connection, settings));
        if (builder.sslContext != null) {
            net.sslContext(builder.sslContext);
        }
        this.listener = net.build();
    }

    /** A builder; {@link Builder#store} and {@link Builder#directory} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Binds and starts accepting; returns when the port is bound. */
    public void start() {
        listener.start();
    }

    /** The bound port (the chosen one when the builder said 0). */
    public int port() {
        return listener.port();
    }

    /** Stops accepting, says 421 to every client after the commands it already sent, and closes. */
    @Override
    public void close() {
        listener.close();
    }

    /** Settings of an {@link SmtpServer}. */
    public static final class Builder {
        private MailStore store;
        private Directory directory;
        private SmtpMode mode = SmtpMode.MX;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port;
        private TlsMode tlsMode = TlsMode.NONE;
        private SSLContext sslContext;
        private String hostname = "localhost";
        private long maxMessageSize = 32L << 20;
        private int maxRecipients = 100;
        private int maxBadCommands = 10;
        private Boolean allowPlaintextAuth;
        private Duration idleTimeout = Duration.ofMinutes(5);
        private Duration authBackoff = Duration.ofSeconds(1);
        private Clock clock = Clock.systemUTC();
        private final List<MessageFilter> filters = new ArrayList<>();
        private OutboundQueue outboundQueue;
        private MailCapture capture;
        private Duration greetingDelay = Duration.ZERO;
        private Duration dataTimeout = Duration.ofMinutes(10);
        private boolean tolerantLineLength;

        private Builder() {}

        /** Where messages are delivered; required. */
        public Builder store(MailStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Resolves recipients and checks credentials; required. */
        public Builder directory(Directory directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** MX (default), SUBMISSION or LMTP. */
        public Builder mode(SmtpMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** The address to bind; default loopback. */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The port; 0 (the default) lets the system choose, see {@link SmtpServer#port()}. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535");
            }
            this.port = port;
            return this;
        }

        /** NONE (default), STARTTLS (ports 25 and 587) or IMPLICIT (port 465); TLS needs {@link #sslContext}. */
        public Builder tlsMode(TlsMode mode) {
            this.tlsMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        public Builder sslContext(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "context");
            return this;
        }

        /** The name in the greeting, the EHLO reply and the Received header; default "localhost". */
        public Builder hostname(String hostname) {
            this.hostname = Objects.requireNonNull(hostname, "hostname");
            return this;
        }

        /** The largest message accepted, announced with SIZE; default 32 MiB. */
        public Builder maxMessageSize(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxMessageSize must be positive");
            }
            this.maxMessageSize = bytes;
            return this;
        }

        /** The most recipients of one message; default 100. */
        public Builder maxRecipients(int count) {
            if (count <= 0) {
                throw new IllegalArgumentException("maxRecipients must be positive");
            }
            this.maxRecipients = count;
            return this;
        }

        /** After this many refused commands (500, 501, 503, ...) the connection is closed with 421; default 10. */
        public Builder maxBadCommands(int count) {
            if (count <= 0) {
                throw new IllegalArgumentException("maxBadCommands must be positive");
            }
            this.maxBadCommands = count;
            return this;
        }

        /** Whether AUTH is offered without TLS; by default only to clients on loopback. */
        public Builder allowPlaintextAuth(boolean allow) {
            this.allowPlaintextAuth = allow;
            return this;
        }

        /** A client silent for this long gets 421 and is disconnected; default 5 minutes. */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** The delay after a failed AUTH, doubling per failure up to 16 times; default one second. */
        public Builder authBackoff(Duration delay) {
            this.authBackoff = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /** The clock of the Received header's date; default the system clock in UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Adds a filter that sees every message before delivery; filters run in the order they were added. */
        public Builder filter(MessageFilter filter) {
            filters.add(Objects.requireNonNull(filter, "filter"));
            return this;
        }

        /**
         * Where authenticated mail for other domains goes; it is answered 250 only when the queue has it durably.
         * Without a queue such mail is refused with 550 5.7.1. Unauthenticated relaying is always refused.
         */
        public Builder outboundQueue(OutboundQueue queue) {
            this.outboundQueue = Objects.requireNonNull(queue, "queue");
            return this;
        }

        /**
         * Capture mode for tests: every recipient of any domain is accepted without authentication, and every
         * message is kept in {@code capture}; recipients the directory knows also get it in their INBOX. Nothing is
         * relayed, and submission does not ask for AUTH.
         */
        public Builder capture(MailCapture capture) {
            this.capture = Objects.requireNonNull(capture, "capture");
            return this;
        }

        /**
         * Waits this long before the greeting, and refuses (554, then closes) a client that sends anything before
         * it: spam software often does not wait. Default zero: greet at once, refuse no one.
         */
        public Builder greetingDelay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("greetingDelay must not be negative");
            }
            this.greetingDelay = delay;
            return this;
        }

        /** The longest a DATA transfer may take, however busy the client is; then 421. Default 10 minutes. */
        public Builder dataTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("dataTimeout must be positive");
            }
            this.dataTimeout = timeout;
            return this;
        }

        /**
         * Accepts command lines up to 12,288 octets instead of the 1,000 of RFC 5321, for clients that send long
         * AUTH responses (OAuth tokens) or many parameters. Default off.
         */
        public Builder tolerantLineLength(boolean tolerant) {
            this.tolerantLineLength = tolerant;
            return this;
        }

        public SmtpServer build() {
            if (store == null) {
                throw new IllegalStateException("set store(...)");
            }
            if (directory == null) {
                throw new IllegalStateException("set directory(...)");
            }
            if (tlsMode != TlsMode.NONE && sslContext == null) {
                throw new IllegalStateException("TLS mode " + tlsMode + " needs sslContext(...)");
            }
            return new SmtpServer(this);
        }
    }
}
