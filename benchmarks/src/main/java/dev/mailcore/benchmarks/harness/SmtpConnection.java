/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks.harness;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A minimal SMTP or LMTP client over a plain socket with Nagle's algorithm off. One recipient per transaction, so
 * SMTP and LMTP both answer the final dot with exactly one reply.
 */
final class SmtpConnection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private SmtpConnection(Socket socket, boolean lmtp) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        expect(readReply(), '2', "greeting");
        send((lmtp ? "LHLO" : "EHLO") + " harness.localhost");
        expect(readReply(), '2', "EHLO");
    }

    static SmtpConnection open(Endpoint endpoint, boolean lmtp, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) timeout.toMillis());
            socket.connect(new InetSocketAddress(endpoint.address(), endpoint.port()), (int) timeout.toMillis());
            return new SmtpConnection(socket, lmtp);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Sends a whole transaction up to and including the final dot, without reading the reply to it.
     *
     * @return {@link System#nanoTime()} right after the final dot was flushed
     */
    long sendUpToFinalDot(String from, String recipient, byte[] message) throws IOException {
        send("MAIL FROM:<" + from + ">");
        expect(readReply(), '2', "MAIL");
        send("RCPT TO:<" + recipient + ">");
        expect(readReply(), '2', "RCPT");
        send("DATA");
        expect(readReply(), '3', "DATA");
        out.write(dotStuffed(message));
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return System.nanoTime();
    }

    /** Reads the reply to the final dot; fails unless the message was accepted. */
    void awaitAccepted() throws IOException {
        expect(readReply(), '2', "end of DATA");
    }

    /** Reads the reply to the final dot; returns whether it accepted the message. */
    boolean accepted() throws IOException {
        String reply = readReply();
        return !reply.isEmpty() && reply.charAt(0) == '2';
    }

    /** Sends RSET, which clears the transaction state between messages on one connection. */
    void reset() throws IOException {
        send("RSET");
        expect(readReply(), '2', "RSET");
    }

    void deliver(String from, String recipient, byte[] message) throws IOException {
        sendUpToFinalDot(from, recipient, message);
        awaitAccepted();
    }

    @Override
    public void close() throws IOException {
        try {
            send("QUIT");
            readReply();
        } catch (IOException e) {
            // Closing anyway; a server that already hung up has nothing more to say.
        } finally {
            socket.close();
        }
    }

    private void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads a possibly multi-line reply and returns its last line. */
    private String readReply() throws IOException {
        for (; ; ) {
            String line = readLine();
            if (line.length() < 4 || line.charAt(3) != '-') {
                return line;
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(80);
        for (; ; ) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("server closed the connection");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
    }

    private static void expect(String reply, char klass, String what) throws IOException {
        if (reply.isEmpty() || reply.charAt(0) != klass) {
            throw new IOException(what + " refused: " + reply);
        }
    }

    /** Doubles a leading dot on every line (RFC 5321 section 4.5.2); the message already ends with CRLF. */
    static byte[] dotStuffed(byte[] message) {
        ByteArrayOutputStream stuffed = new ByteArrayOutputStream(message.length + 64);
        boolean lineStart = true;
        for (byte b : message) {
            if (lineStart && b == '.') {
                stuffed.write('.');
            }
            stuffed.write(b);
            lineStart = b == '\n';
        }
        return stuffed.toByteArray();
    }
}
