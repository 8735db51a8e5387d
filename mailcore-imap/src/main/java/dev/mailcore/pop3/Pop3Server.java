/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.pop3;

import dev.mailcore.api.MailStore;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.net.Connection;
import dev.mailcore.net.ListenerBuilder;
import dev.mailcore.net.ListenerSettings;
import dev.mailcore.net.NetListener;
import dev.mailcore.net.ProtocolFactory;
import dev.mailcore.net.ProtocolHandler;
import dev.mailcore.pop3.internal.MaildropLocks;
import dev.mailcore.pop3.internal.Pop3Config;
import dev.mailcore.pop3.internal.Pop3Session;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A POP3 server (RFC 1939 with CAPA, STLS, AUTH and response codes) over a {@link MailStore}: each account's INBOX,
 * as it was when the client logged in, is the maildrop.
 *
 * <pre>{@code
 * try (Pop3Server pop3 = Pop3Server.builder()
 *         .store(engine)
 *         .directory(directory)
 *         .port(0)
 *         .build()) {
 *     pop3.start();
 *     int port = pop3.port();
 *     ...
 * }
 * }</pre>
 *
 * <p>USER/PASS and AUTH are allowed on loopback connections and after TLS; elsewhere the server refuses them and
 * leaves USER and SASL out of CAPA, unless {@link Builder#allowPlaintextAuth(boolean)} says otherwise. One account
 * has at most one POP3 session per server at a time (see {@link Builder#shareLocksWith}); a second login gets
 * {@code -ERR [IN-USE]}.
 */
public final class Pop3Server implements AutoCloseable {
    private final NetListener listener;
    private final MaildropLocks locks;

    private Pop3Server(Builder b) {
        this.locks = b.sharedLocks != null ? b.sharedLocks : new MaildropLocks();
        ListenerSettings shared = b.listenerSettings();
        Pop3Config config = new Pop3Config(
                b.store,
                b.directory,
                shared.allowPlaintextAuth(),
                shared.authBackoff(),
                b.clock,
                b.expire,
                b.loginDelay,
                locks);
        this.listener = NetListener.builder()
                .name("mailcore-pop3")
                .settings(shared)
                .maxLineLength(b.maxLineLength)
                .protocol(new ProtocolFactory() {
                    @Override
                    public ProtocolHandler create(Connection connection) {
                        return new Pop3Session(connection, config);
                    }

                    @Override
                    public String refusal() {
                        // RFC 2449: SYS/TEMP, a passing problem; the client may try again later.
                        return "-ERR [SYS/TEMP] too many connections\r\n";
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

    /**
     * Stops accepting and closes the connections after their current command. Sessions that did not QUIT remove
     * nothing (RFC 1939 section 6).
     */
    @Override
    public void close() {
        listener.close();
    }

    /** Settings of a {@link Pop3Server}; {@link #store} and {@link #directory} are required. */
    public static final class Builder extends ListenerBuilder<Builder> {
        private MailStore store;
        private Directory directory;
        private Clock clock = Clock.systemUTC();
        private int maxLineLength = 8192;
        private Duration expire;
        private Duration loginDelay;
        private MaildropLocks sharedLocks;

        private Builder() {
            // 10 minutes: the least RFC 1939 allows.
            super(110, Duration.ofMinutes(10));
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

        /** The clock that {@link #loginDelay} measures against; default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The longest command line (and SASL response); default 8 KiB. */
        public Builder maxLineLength(int bytes) {
            this.maxLineLength = bytes;
            return this;
        }

        /**
         * Announces {@code EXPIRE} (RFC 2449) with this retention in whole days: how long the host keeps messages
         * that were retrieved. The host enforces it (this server removes only what a client deletes); unset, no
         * EXPIRE is announced.
         */
        public Builder expire(Duration retention) {
            if (retention.isNegative()) {
                throw new IllegalArgumentException("retention must not be negative");
            }
            this.expire = retention;
            return this;
        }

        /**
         * The least time between two logins of one account (RFC 2449 {@code LOGIN-DELAY}, announced in whole
         * seconds); an earlier login gets {@code -ERR [LOGIN-DELAY]}. Unset, logins are not limited.
         */
        public Builder loginDelay(Duration delay) {
            if (delay.isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("delay must be positive");
            }
            this.loginDelay = delay;
            return this;
        }

        /**
         * Shares another server's maildrop locks and LOGIN-DELAY records, so a POP3 and a POP3S listener over the same
         * store admit one session per account between them. Locks are per JVM; by default each server has its own.
         */
        public Builder shareLocksWith(Pop3Server other) {
            this.sharedLocks = Objects.requireNonNull(other, "other").locks;
            return this;
        }

        public Pop3Server build() {
            if (store == null) {
                throw new IllegalStateException("set store(...)");
            }
            if (directory == null) {
                throw new IllegalStateException("set directory(...)");
            }
            listenerSettings();
            return new Pop3Server(this);
        }
    }
}
