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
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal IMAP4rev1 client over a plain socket with Nagle's algorithm off, so a measured round trip is the
 * server's, not a client library's. Lines are kept as ISO-8859-1 text so that one character is one octet; literals
 * are read in full and inlined into the line that announced them.
 */
final class ImapConnection implements AutoCloseable {
    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)\\+?}$");
    private static final Pattern EXISTS = Pattern.compile("^\\* (\\d+) EXISTS", Pattern.CASE_INSENSITIVE);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String greeting;
    private int nextTag;
    private String idleTag;

    private ImapConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        this.greeting = readLine();
        if (!greeting.startsWith("* OK") && !greeting.startsWith("* PREAUTH")) {
            socket.close();
            throw new IOException("unexpected IMAP greeting: " + greeting);
        }
    }

    /** Connects and reads the greeting; every later read fails after {@code timeout} of silence. */
    static ImapConnection open(Endpoint endpoint, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) timeout.toMillis());
            socket.connect(new InetSocketAddress(endpoint.address(), endpoint.port()), (int) timeout.toMillis());
            return new ImapConnection(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    String greeting() {
        return greeting;
    }

    ImapResponse login(String user, String password) throws IOException {
        return command("LOGIN " + quote(user) + " " + quote(password));
    }

    /** Sends one command and reads up to its tagged reply; a NO or BAD reply throws. */
    ImapResponse command(String command) throws IOException {
        String tag = tag();
        out.write((tag + " " + command + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return readResponse(tag, command);
    }

    /**
     * Appends messages to {@code mailbox}. With LITERAL+ the commands go out in batches without waiting for
     * continuations; otherwise each literal waits for the server's "+".
     */
    void append(String mailbox, List<byte[]> messages, boolean literalPlus) throws IOException {
        if (!literalPlus) {
            for (byte[] message : messages) {
                String tag = tag();
                out.write((tag + " APPEND " + quote(mailbox) + " {" + message.length + "}\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String line = readLine();
                if (!line.startsWith("+")) {
                    throw new IOException("APPEND refused: " + line);
                }
                out.write(message);
                out.write(CRLF);
                out.flush();
                readResponse(tag, "APPEND");
            }
            return;
        }
        List<String> tags = new ArrayList<>(messages.size());
        for (byte[] message : messages) {
            String tag = tag();
            tags.add(tag);
            out.write((tag + " APPEND " + quote(mailbox) + " {" + message.length + "+}\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(message);
            out.write(CRLF);
        }
        out.flush();
        for (String tag : tags) {
            readResponse(tag, "APPEND");
        }
    }

    /** Starts IDLE and returns once the server's continuation arrived. */
    void idle() throws IOException {
        String tag = tag();
        out.write((tag + " IDLE\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        idleTag = tag;
        for (; ; ) {
            String line = readLine();
            if (line.startsWith("+")) {
                return;
            }
            if (line.startsWith(tag + " ")) {
                throw new IOException("IDLE refused: " + line);
            }
        }
    }

    /**
     * During IDLE, reads until an EXISTS count above {@code known} arrives or {@code timeout} passes; returns the new
     * count, or -1 on timeout.
     */
    int awaitExists(int known, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int previous = socket.getSoTimeout();
        try {
            for (; ; ) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return -1;
                }
                socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
                String line;
                try {
                    line = readLine();
                } catch (SocketTimeoutException e) {
                    return -1;
                }
                Matcher m = EXISTS.matcher(line);
                if (m.find() && Integer.parseInt(m.group(1)) > known) {
                    return Integer.parseInt(m.group(1));
                }
            }
        } finally {
            socket.setSoTimeout(previous);
        }
    }

    /** Ends IDLE. */
    void done() throws IOException {
        out.write("DONE\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        readResponse(idleTag, "IDLE");
    }

    /** Sends LOGOUT and closes without failing on a server that hangs up first. */
    void logout() throws IOException {
        try {
            command("LOGOUT");
        } catch (EOFException e) {
            // Some servers close right after the BYE; the logout happened.
        }
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private ImapResponse readResponse(String tag, String command) throws IOException {
        List<String> untagged = new ArrayList<>();
        long octets = 0;
        for (; ; ) {
            String line = readLine();
            octets += line.length();
            if (line.startsWith(tag + " ")) {
                String status = line.substring(tag.length() + 1);
                if (!status.regionMatches(true, 0, "OK", 0, 2)) {
                    throw new ImapException(abbreviate(command) + " -> " + status);
                }
                return new ImapResponse(List.copyOf(untagged), status, octets);
            }
            untagged.add(line);
        }
    }

    /** Reads one response line, with any literals it announces inlined. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (; ; ) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("server closed the connection");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                String withoutCr = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                // Most lines announce no literal: no pattern match for them on the measured path.
                if (!withoutCr.endsWith("}")) {
                    return withoutCr;
                }
                Matcher literal = LITERAL.matcher(withoutCr);
                if (!literal.find()) {
                    return withoutCr;
                }
                line.reset();
                line.writeBytes(withoutCr.getBytes(StandardCharsets.ISO_8859_1));
                line.writeBytes(in.readNBytes(Integer.parseInt(literal.group(1))));
                continue;
            }
            line.write(b);
        }
    }

    private String tag() {
        return "h" + (++nextTag);
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String abbreviate(String command) {
        return command.startsWith("LOGIN ") ? "LOGIN" : command.length() > 80 ? command.substring(0, 80) : command;
    }

    private static final byte[] CRLF = {'\r', '\n'};
}
