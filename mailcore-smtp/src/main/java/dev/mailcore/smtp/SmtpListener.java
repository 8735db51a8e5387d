/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Observes an SMTP, submission or LMTP server, for metrics and logs. Every callback has a no-op default, so a listener
 * overrides only what it needs:
 *
 * <pre>{@code
 * SmtpServer.builder()
 *         .listener(new SmtpListener() {
 *             @Override
 *             public void messageReceived(Envelope envelope, long octets, List<RecipientResult> results) {
 *                 received.increment();
 *             }
 *         })
 * }</pre>
 *
 * <table>
 *   <caption>When each callback fires</caption>
 *   <tr><th>callback</th><th>fires</th></tr>
 *   <tr><td>{@link #connected}</td><td>a client was accepted (within the connection limits), before the greeting</td></tr>
 *   <tr><td>{@link #authenticated}</td><td>AUTH succeeded; the client has its 235</td></tr>
 *   <tr><td>{@link #authenticationFailed}</td><td>AUTH was refused with 535</td></tr>
 *   <tr><td>{@link #recipientRefused}</td><td>RCPT TO was refused (unknown user, relaying denied, too many
 *       recipients, ...); the client has the reply</td></tr>
 *   <tr><td>{@link #messageReceived}</td><td>after DATA or the last BDAT, once the message went through the filters
 *       and was stored, queued or refused for each recipient; the client has its reply or replies</td></tr>
 *   <tr><td>{@link #disconnected}</td><td>the connection closed, for whatever reason</td></tr>
 * </table>
 *
 * <p>Callbacks run on the connection's virtual thread, between its commands: a slow listener slows that client, never
 * the others. A listener is called from many connections at once. What it throws is logged and otherwise ignored;
 * it cannot change a reply. Use a {@link MessageFilter} to decide about mail.
 */
public interface SmtpListener {
    /** A client connected. */
    default void connected(InetSocketAddress client) {}

    /** The client logged in as {@code login}. */
    default void authenticated(InetSocketAddress client, String login) {}

    /** The client's credentials were refused. */
    default void authenticationFailed(InetSocketAddress client) {}

    /** RCPT TO {@code address} was refused with {@code result}'s reply. */
    default void recipientRefused(InetSocketAddress client, RecipientResult result) {}

    /**
     * A message was received and handed on. A message refused for its size, or whose connection ended before its
     * end, is not reported here.
     *
     * @param envelope the sender and the recipients accepted at RCPT
     * @param octets the size of the message as the client sent it
     * @param results what became of the message for each recipient of the envelope, in order
     */
    default void messageReceived(Envelope envelope, long octets, List<RecipientResult> results) {}

    /** The connection closed. */
    default void disconnected(InetSocketAddress client) {}
}
