/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.pop3;

import dev.mailcore.api.MailStore;
import dev.mailcore.api.spi.Directory;
import dev.mailcore.net.NetListener;
import dev.mailcore.net.TlsMode;
import dev.mailcore.pop3.internal.MaildropLocks;
import dev.mailcore.pop3.internal.Pop3Config;
import dev.mailcore.pop3.internal.Pop3Session;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

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
        Pop3Config config = new Pop3Config(
                b.store, b.directory, b.allowPlaintextAuth, b.authBackoff, b.clock, b.expire, b.loginDelay, locks);
        NetListener.Builder net = NetListener.builder()
                .name("mailcore-pop3")
                .bindAddress(b.bindAddress)
                .port(b.port)
                .tlsMode(b.tlsMode)
                .idleTimeout(b.idleTimeout)
                .maxLineLength(b.maxLineLength)
                .protocol(connection -> new Pop3Session(connection, config));
        if (b.sslContext != null) {
            net.sslContext(b.sslContext);
        }
        this.listener = net.build();
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
    public static final class Builder {
        private MailStore store;
        private Directory directory;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port = 110;
        private TlsMode tlsMode = TlsMode.NONE;
        private SSLContext sslContext;
        private Boolean allowPlaintextAuth;
        private Duration authBackoff = Duration.ofSeconds(1);
        private Clock clock = Clock.systemUTC();
        private Duration idleTimeout = Duration.ofMinutes(10);
        private int maxLineLength = 8192;
        private Duration expire;
        private Duration loginDelay;
        private MaildropLocks sharedLocks;

        private Builder() {}

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

        /** The address to bind; default loopback. */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The port; 0 lets the system choose (see {@link Pop3Server#port()}); default 110. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** NONE (default), STARTTLS (announced as STLS) or IMPLICIT (POP3S); the latter two need {@link #sslContext}. */
        public Builder tlsMode(TlsMode mode) {
            this.tlsMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        public Builder sslContext(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "context");
            return this;
        }

        /** Whether USER/PASS and AUTH work without TLS; default: on loopback only. */
        public Builder allowPlaintextAuth(boolean allowed) {
            this.allowPlaintextAuth = allowed;
            return this;
        }

        /** The first pause after a failed login on a connection; it doubles with each failure. Default 1 s. */
        public Builder authBackoff(Duration base) {
            this.authBackoff = Objects.requireNonNull(base, "base");
            return this;
        }

        /** The clock that {@link #loginDelay} measures against; default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long a silent connection stays open; default 10 minutes, the least RFC 1939 allows. */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = Objects.requireNonNull(timeout, "timeout");
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
            return new Pop3Server(this);
        }
    }
}
