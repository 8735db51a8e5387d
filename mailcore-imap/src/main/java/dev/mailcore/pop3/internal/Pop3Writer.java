/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.pop3.internal;

import dev.mailcore.net.Connection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes responses into one buffer that goes out in one write per response ({@link #flush()}). A message body is
 * streamed in chunks, dot-stuffed on the way (RFC 1939 section 3), so it is never held whole in memory.
 */
final class Pop3Writer {
    private static final int CHUNK = 64 * 1024;

    private final Connection connection;
    private byte[] buffer = new byte[256];
    private int length;

    Pop3Writer(Connection connection) {
        this.connection = connection;
    }

    /** A positive status line. */
    Pop3Writer ok(String text) {
        return status("+OK", text);
    }

    /** A negative status line. */
    Pop3Writer err(String text) {
        return status("-ERR", text);
    }

    /** A SASL challenge line ({@code + base64}, RFC 5034). */
    Pop3Writer challenge(String base64) {
        return ascii("+ ").ascii(base64).crlf();
    }

    /** One line of a multi-line response, dot-stuffed. */
    Pop3Writer line(String text) {
        if (text.startsWith(".")) {
            ascii(".");
        }
        return ascii(text).crlf();
    }

    /** Ends a multi-line response. */
    Pop3Writer end() {
        return ascii(".").crlf();
    }

    /**
     * Streams a message as the lines of a multi-line response: dot-stuffed, bare LF sent as CRLF, a missing final
     * line end added. With {@code bodyLines} at or above zero only the header, the blank line and that many body
     * lines are sent (TOP), and the rest is never read.
     */
    Pop3Writer message(InputStream content, long bodyLines) {
        new MessageEncoder(bodyLines).copy(content);
        return this;
    }

    /** Sends what is buffered as one write. */
    void flush() {
        if (length > 0) {
            connection.write(take());
        }
    }

    /** Takes what is buffered, for a reply that must go out another way (the answer to STLS). */
    ByteBuffer take() {
        ByteBuffer bytes = ByteBuffer.wrap(Arrays.copyOf(buffer, length));
        length = 0;
        if (buffer.length > CHUNK * 4) {
            buffer = new byte[256];
        }
        return bytes;
    }

    private Pop3Writer status(String status, String text) {
        ascii(status);
        if (!text.isEmpty()) {
            ascii(" ").ascii(text);
        }
        return crlf();
    }

    private Pop3Writer ascii(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
        return this;
    }

    private Pop3Writer crlf() {
        ensure(2);
        buffer[length++] = '\r';
        buffer[length++] = '\n';
        return this;
    }

    private void ensure(int extra) {
        if (length + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + extra));
        }
    }

    /** The line state of one message on its way out. */
    private final class MessageEncoder {
        private long bodyLinesLeft;
        private boolean inHeader = true;
        private boolean lineStart = true;
        private boolean emptyLine = true;
        private boolean afterCr;

        MessageEncoder(long bodyLines) {
            this.bodyLinesLeft = bodyLines;
        }

        void copy(InputStream content) {
            byte[] chunk = new byte[CHUNK];
            try (content) {
                int n;
                while (!done() && (n = content.read(chunk)) > 0) {
                    // At most two bytes out per byte in: a stuffed dot, or CR before a bare LF.
                    ensure(2 * n);
                    for (int i = 0; i < n && !done(); i++) {
                        encode(chunk[i]);
                    }
                    if (length >= CHUNK) {
                        flush();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!lineStart) {
                ensure(2);
                if (!afterCr) {
                    buffer[length++] = '\r';
                }
                buffer[length++] = '\n';
            }
        }

        private boolean done() {
            return !inHeader && bodyLinesLeft == 0;
        }

        private void encode(byte b) {
            if (b == '\n') {
                if (!afterCr) {
                    buffer[length++] = '\r';
                }
                buffer[length++] = '\n';
                lineEnded();
                return;
            }
            if (lineStart && b == '.') {
                buffer[length++] = '.';
            }
            buffer[length++] = b;
            afterCr = b == '\r';
            lineStart = false;
            if (!afterCr) {
                emptyLine = false;
            }
        }

        private void lineEnded() {
            if (inHeader) {
                inHeader = !emptyLine;
            } else if (bodyLinesLeft > 0) {
                bodyLinesLeft--;
            }
            lineStart = true;
            emptyLine = true;
            afterCr = false;
        }
    }
}
