/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp;

import java.io.InputStream;

/**
 * A host application's hook on received mail: sees the envelope and the message after DATA and before delivery,
 * and decides per recipient. Filters run in the order they were added to the builder; a recipient one filter refuses
 * is not shown to the next.
 *
 * <pre>{@code
 * SmtpServer.builder()
 *         .filter((envelope, message) -> envelope.sender().endsWith("@spam.example")
 *                 ? Verdict.reject("No thanks")
 *                 : Verdict.accept())
 * }</pre>
 *
 * <p>A filter runs on the connection's virtual thread and may block; it is called from many connections at once. A
 * filter that throws makes the message fail temporarily (451 4.3.0) for the recipients still open. A filter may
 * replace the message with {@link Verdict#rewrite}; the filters after it see the new content.
 */
@FunctionalInterface
public interface MessageFilter {
    /**
     * Decides about one message.
     *
     * @param envelope the sender and the recipients still accepted
     * @param message the raw message as the client sent it, or as an earlier filter rewrote it (without the server's
     *     trace header fields); the server closes it afterwards
     */
    Verdict filter(Envelope envelope, InputStream message);
}
