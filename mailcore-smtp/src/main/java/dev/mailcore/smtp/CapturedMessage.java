/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.Objects;

/**
 * A message a {@link MailCapture} kept: the envelope (with the recipients it was accepted for) and the content
 * exactly as the client sent it (or as a {@link MessageFilter} rewrote it), without the server's trace header fields.
 */
public record CapturedMessage(Envelope envelope, byte[] content, Instant receivedAt) {
    public CapturedMessage {
        Objects.requireNonNull(envelope, "envelope");
        content = content.clone();
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The content as a stream, for a MIME parser such as {@code new MimeMessage(session, message.open())}. */
    public InputStream open() {
        return new ByteArrayInputStream(content);
    }
}
