/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import dev.mailcore.net.Connection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes responses into one buffer that is written once per command ({@link #flush()}); only large literals are
 * streamed in chunks, so a body is never held whole in memory.
 */
public final class ResponseWriter {
    private static final int CHUNK = 64 * 1024;

    private final Connection connection;
    private byte[] buffer = new byte[512];
    private int length;
    private boolean utf8;

    public ResponseWriter(Connection connection) {
        this.connection = connection;
    }

    /** Whether the client enabled UTF-8 (mailbox names unencoded, UTF-8 in quoted strings). */
    public void utf8(boolean enabled) {
        this.utf8 = enabled;
    }

    public boolean utf8() {
        return utf8;
    }

    public ResponseWriter raw(String ascii) {
        ensure(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            buffer[length++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    public ResponseWriter raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
        return this;
    }

    public ResponseWriter number(long value) {
        return raw(Long.toString(value));
    }

    public ResponseWriter crlf() {
        return raw("\r\n");
    }

    /** An untagged line: {@code * text}. */
    public ResponseWriter untagged(String text) {
        return raw("* ").raw(text).crlf();
    }

    /** A tagged completion: {@code tag OK text}. */
    public ResponseWriter tagged(String tag, String status, String text) {
        return raw(tag).raw(" ").raw(status).raw(" ").raw(text).crlf();
    }

    /** A string: quoted when it can be, a literal otherwise. */
    public ResponseWriter string(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (quotable(bytes)) {
            ensure(bytes.length + 2);
            buffer[length++] = '"';
            for (byte b : bytes) {
                if (b == '"' || b == '\\') {
                    ensure(1);
                    buffer[length++] = '\\';
                }
                ensure(1);
                buffer[length++] = b;
            }
            ensure(1);
            buffer[length++] = '"';
            return this;
        }
        return raw("{").number(bytes.length).raw("}\r\n").raw(bytes);
    }

    /** A string or NIL. */
    public ResponseWriter nstring(String value) {
        return value == null ? raw("NIL") : string(value);
    }

    /** A mailbox name, in modified UTF-7 unless the client enabled UTF-8. */
    public ResponseWriter mailbox(String name) {
        return string(utf8 ? name : ModifiedUtf7.encode(name));
    }

    /** A literal of exactly {@code size} octets read from {@code in}; large ones are streamed. */
    public ResponseWriter literal(InputStream in, long size) {
        raw("{").number(size).raw("}\r\n");
        try (in) {
            if (size <= CHUNK) {
                byte[] bytes = in.readNBytes((int) size);
                raw(bytes);
                pad(size - bytes.length);
                return this;
            }
            flush();
            long left = size;
            byte[] chunk = new byte[CHUNK];
            while (left > 0) {
                int n = in.read(chunk, 0, (int) Math.min(chunk.length, left));
                if (n < 0) {
                    break;
                }
                connection.write(ByteBuffer.wrap(Arrays.copyOf(chunk, n)));
                left -= n;
            }
            // A blob shorter than recorded must not desynchronize the client.
            pad(left);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends what is buffered as one write. */
    public void flush() {
        if (length > 0) {
            connection.write(ByteBuffer.wrap(Arrays.copyOf(buffer, length)));
            length = 0;
            if (buffer.length > 1 << 16) {
                buffer = new byte[512];
            }
        }
    }

    private void pad(long count) {
        for (long i = 0; i < count; i++) {
            raw(" ");
        }
    }

    private boolean quotable(byte[] bytes) {
        if (bytes.length > 1000) {
            return false;
        }
        for (byte b : bytes) {
            if (b == '\r' || b == '\n' || b == 0 || (b < 0 && !utf8)) {
                return false;
            }
        }
        return true;
    }

    private void ensure(int extra) {
        if (length + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + extra));
        }
    }
}
