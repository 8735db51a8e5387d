/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.pop3;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A line-level POP3 client for tests: one command, its status line, and the lines of a multi-line answer. */
final class Pop3LineClient implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    final String greeting;

    Pop3LineClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        greeting = in.readLine();
    }

    /** Sends a command and returns its status line. */
    String command(String text) throws IOException {
        socket.getOutputStream().write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        return in.readLine();
    }

    /** Sends a command that answers with lines; returns them, the status line first, without the final dot. */
    List<String> lines(String text) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(command(text));
        if (!lines.getFirst().startsWith("+OK")) {
            return lines;
        }
        String line;
        while (!(line = in.readLine()).equals(".")) {
            lines.add(line);
        }
        return lines;
    }

    /** Logs in with USER/PASS; returns the answer to PASS. */
    String login() throws IOException {
        command("USER " + Pop3Fixture.USER);
        return command("PASS " + Pop3Fixture.PASSWORD);
    }

    /** The next line the server sends. */
    String next() throws IOException {
        return in.readLine();
    }

    /** Whether the server closed the connection. */
    boolean closedByServer() throws IOException {
        return in.readLine() == null;
    }

    /** Drops the connection without QUIT. */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}
