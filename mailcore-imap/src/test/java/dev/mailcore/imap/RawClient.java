/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A line-level IMAP client for tests: sends a tagged command and collects the lines up to its completion. */
final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    private int next;

    RawClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        in.readLine();
    }

    /** Sends a command and returns every line up to and including the tagged one. */
    List<String> command(String text) throws IOException {
        String tag = "t" + (++next);
        socket.getOutputStream().write((tag + " " + text + "\r\n").getBytes(StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed after " + lines);
            }
            lines.add(line);
        } while (!line.startsWith(tag + " "));
        return lines;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
