/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * One client connection as a protocol sees it. Methods may be called from the session's command thread; writes are
 * queued in order and never block an I/O thread.
 */
public interface Connection {
    /** A number unique among the listener's connections, for logs. */
    long id();

    /** The client's address: behind a trusted proxy, the one its PROXY protocol header named. */
    InetSocketAddress remoteAddress();

    /** Whether the client is on a loopback address. */
    boolean isLoopback();

    /** Whether the connection is encrypted (implicit TLS, or after STARTTLS). */
    boolean isSecure();

    /** The TLS session once the connection is encrypted, for trace headers and logs. */
    Optional<SSLSession> tlsSession();

    /**
     * Whether a password may be sent on this connection now: always once it is encrypted; before that as the server
     * is configured, where null (the default of every server) means from a loopback client only.
     */
    default boolean allowsPlaintextAuth(Boolean configured) {
        if (isSecure()) {
            return true;
        }
        return configured == null ? isLoopback() : configured;
    }

    /** Whether STARTTLS is possible: the listener has an SSLContext and the connection is not yet secure. */
    boolean canStartTls();

    /**
     * Sends bytes to the client, after everything written before them: straight to the socket from the calling thread
     * when nothing is waiting to be sent (one non-blocking write), otherwise queued for the I/O
     * thread. The buffer is owned by the connection afterwards. Blocks the calling (virtual) thread while too many
     * bytes are waiting to be sent, so a slow reader cannot make the server buffer without bound.
     */
    void write(ByteBuffer bytes);

    /**
     * Writes the protocol's reply to STARTTLS in plaintext, then switches to TLS. Every request the client sent after
     * the STARTTLS command and before the handshake is discarded (CVE-2011-0411).
     *
     * @throws IllegalStateException when {@link #canStartTls()} is false
     */
    void startTls(ByteBuffer reply);

    /**
     * Writes the protocol's reply to its compress command uncompressed, then compresses everything written and
     * inflates everything read with raw DEFLATE (RFC 4978, RFC 1951), each write flushed on its own so a reply is never
     * held back. Inside TLS when the connection is encrypted.
     *
     * @throws IllegalStateException when the connection is already compressed
     */
    void startCompression(ByteBuffer reply);

    /** Whether {@link #startCompression} has been called. */
    boolean isCompressed();

    /**
     * Runs a task in this connection's order: after the events already queued, never at the same time as another
     * event of this connection (for work that starts elsewhere, such as a change notification during IMAP IDLE).
     */
    void submit(Runnable task);

    /**
     * Reads the next bytes as a dot-terminated message (RFC 5321 section 4.5.2): lines up to a line holding only
     * {@code .}, with a leading dot removed from every other line and line ends kept as they came. The message
     * arrives as a {@link Frame.Request} whose only part is a {@link Literal}; a message longer than {@code maxSize}
     * is read to its end without being kept and arrives as {@link Frame.TooLong} with {@code literal} true. Lines
     * follow as before afterwards. Call it before the reply that invites the client to send, and after a request the
     * {@link LiteralAnnouncer} {@linkplain LiteralAnnouncer#holds held}, so pipelined bytes are never misread.
     */
    void receiveData(long maxSize);

    /**
     * Reads exactly {@code size} octets next, then lines again (SMTP's BDAT chunk, RFC 3030). They arrive as a {@link
     * Frame.Request} whose only part is a {@link Literal} (spooled to a temp file above the literal memory threshold)
     * as soon as the last octet is in, whatever follows it; when {@code size} exceeds {@code maxSize} they are read
     * and dropped without being kept, and arrive as {@link Frame.TooLong} with {@code literal} true. Call it after a
     * request the {@link LiteralAnnouncer} {@linkplain LiteralAnnouncer#holds held}, before anything else is read.
     */
    void receiveExact(long size, long maxSize);

    /** Goes on reading lines after a request the {@link LiteralAnnouncer} {@linkplain LiteralAnnouncer#holds held}. */
    void resumeLines();

    /** Closes after the queued writes are sent. */
    void close();
}
