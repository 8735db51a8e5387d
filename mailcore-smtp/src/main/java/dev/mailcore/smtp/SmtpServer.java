/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp;

import dev.mailcore.api.MailStore;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.api.spi.OutboundQueue;
import dev.mailcore.net.Connection;
import dev.mailcore.net.ListenerBuilder;
import dev.mailcore.net.ListenerSettings;
import dev.mailcore.net.NetListener;
import dev.mailcore.net.ProtocolFactory;
import dev.mailcore.net.ProtocolHandler;
import dev.mailcore.smtp.internal.FilterChain;
import dev.mailcore.smtp.internal.Listeners;
import dev.mailcore.smtp.internal.SmtpLiterals;
import dev.mailcore.smtp.internal.SmtpSession;
import dev.mailcore.smtp.internal.SmtpSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

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
        ListenerSettings shared = builder.listenerSettings();
        SmtpSettings settings = new SmtpSettings(
                builder.store,
                builder.directory,
                builder.mode,
                builder.hostname,
                builder.maxMessageSize,
                builder.maxRecipients,
                builder.maxBadCommands,
                shared.allowPlaintextAuth(),
                shared.authBackoff(),
                builder.clock,
                new FilterChain(builder.filters),
                builder.outboundQueue,
                builder.capture == null ? null : builder.capture::add,
                builder.greetingDelay,
                builder.dataTimeout,
                builder.verifyAddresses,
                new Listeners(builder.listeners));
        String refusal = "421 4.7.0 " + builder.hostname + " too many connections, try later\r\n";
        this.listener = NetListener.builder()
                .name("mailcore-" + builder.mode.name().toLowerCase(Locale.ROOT))
                .settings(shared)
                // RFC 5321: a command line is at most 1,000 octets with its CRLF; RFC 4954 allows 12,288 for AUTH.
                .maxLineLength(builder.tolerantLineLength ? 12_286 : 998)
                .literals(new SmtpLiterals())
                .protocol(new ProtocolFactory() {
                    @Override
                    public ProtocolHandler create(Connection connection) {
                        return new SmtpSession(connection, settings);
                    }

                    @Override
                    public String refusal() {
                        return refusal;
                    }
                })
                .build();
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
    public static final class Builder extends ListenerBuilder<Builder> {
        private MailStore store;
        private Directory directory;
        private SmtpMode mode = SmtpMode.MX;
        private String hostname = "localhost";
        private long maxMessageSize = 32L << 20;
        private int maxRecipients = 100;
        private int maxBadCommands = 10;
        private Clock clock = Clock.systemUTC();
        private final List<MessageFilter> filters = new ArrayList<>();
        private final List<SmtpListener> listeners = new ArrayList<>();
        private OutboundQueue outboundQueue;
        private MailCapture capture;
        private Duration greetingDelay = Duration.ZERO;
        private Duration dataTimeout = Duration.ofMinutes(10);
        private boolean tolerantLineLength;
        private boolean verifyAddresses;

        private Builder() {
            // Port 0 by default: SMTP, submission and LMTP have different well-known ports.
            super(0, Duration.ofMinutes(5));
        }

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

        /** Adds a listener that observes connections, logins and messages; listeners are told in the order added. */
        public Builder listener(SmtpListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
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

        /**
         * Whether VRFY answers whether a local address exists (250 or 550 5.1.1) instead of 252 for every address.
         * Default off: VRFY lets anyone harvest addresses. A refused VRFY counts as a bad command, so a harvester
         * is disconnected after {@link #maxBadCommands}.
         */
        public Builder verifyAddresses(boolean verify) {
            this.verifyAddresses = verify;
            return this;
        }

        public SmtpServer build() {
            if (store == null) {
                throw new IllegalStateException("set store(...)");
            }
            if (directory == null) {
                throw new IllegalStateException("set directory(...)");
            }
            listenerSettings();
            return new SmtpServer(this);
        }
    }
}
