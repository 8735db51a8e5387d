/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One kept-alive HTTP/1.1 connection on a plain socket that writes prepared request bytes and reads the response
 * exactly: the header block, then {@code Content-Length} octets or the chunks. It parses nothing else and allocates
 * almost nothing, so what it times is the server's latency plus loopback, not a client library's.
 *
 * <pre>{@code
 * try (RawHttpConnection http = new RawHttpConnection(new InetSocketAddress("127.0.0.1", port))) {
 *     byte[] request = RawHttpConnection.get("/.well-known/jmap", "127.0.0.1:" + port, authorization);
 *     int status = http.exchange(request);
 *     int bodyLength = http.bodyLength();
 * }
 * }</pre>
 */
final class RawHttpConnection implements AutoCloseable {
    private static final int MAX_HEADER_LINE = 8192;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] line = new byte[MAX_HEADER_LINE];
    private final byte[] skip = new byte[16384];
    private int bodyLength;

    RawHttpConnection(InetSocketAddress server) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(server, 5000);
        socket.setSoTimeout(30_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 65536);
    }

    /** The bytes of a GET with an {@code Authorization} header, to send again and again. */
    static byte[] get(String path, String host, String authorization) {
        return ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + authorization
                        + "\r\nAccept: application/json\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends {@code request} and reads the whole response; returns its status code. */
    int exchange(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        int length = readLine();
        if (length < 12 || line[0] != 'H') {
            throw new IOException("not an HTTP status line: " + new String(line, 0, length, StandardCharsets.US_ASCII));
        }
        int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
        long contentLength = -1;
        boolean chunked = false;
        while ((length = readLine()) > 0) {
            if (startsWithIgnoreCase(length, "content-length:")) {
                contentLength = Long.parseLong(new String(line, 15, length - 15, StandardCharsets.US_ASCII).trim());
            } else if (startsWithIgnoreCase(length, "transfer-encoding:")
                    && new String(line, 18, length - 18, StandardCharsets.US_ASCII)
                            .trim()
                            .equalsIgnoreCase("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            bodyLength = readChunks();
        } else if (contentLength >= 0) {
            discard(contentLength);
            bodyLength = (int) contentLength;
        } else {
            throw new IOException("a kept-alive response needs Content-Length or chunked");
        }
        return status;
    }

    /** The length of the last response's body. */
    int bodyLength() {
        return bodyLength;
    }

    private int readChunks() throws IOException {
        int total = 0;
        while (true) {
            int length = readLine();
            int end = 0;
            while (end < length && Character.digit(line[end], 16) >= 0) {
                end++;
            }
            int size = Integer.parseInt(new String(line, 0, end, StandardCharsets.US_ASCII), 16);
            if (size == 0) {
                while (readLine() > 0) {
                    // trailer fields, if any
                }
                return total;
            }
            discard(size);
            total += size;
            readLine();
        }
    }

    private void discard(long count) throws IOException {
        long left = count;
        while (left > 0) {
            int read = in.read(skip, 0, (int) Math.min(skip.length, left));
            if (read < 0) {
                throw new EOFException("the server closed the connection in the middle of a body");
            }
            left -= read;
        }
    }

    /** Reads one line into {@link #line} without its CRLF and returns its length. */
    private int readLine() throws IOException {
        int length = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (b == '\n') {
                return length > 0 && line[length - 1] == '\r' ? length - 1 : length;
            }
            if (length == line.length) {
                throw new IOException("header line longer than " + MAX_HEADER_LINE);
            }
            line[length++] = (byte) b;
        }
    }

    private boolean startsWithIgnoreCase(int length, String prefix) {
        if (length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toLowerCase(line[i]) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
