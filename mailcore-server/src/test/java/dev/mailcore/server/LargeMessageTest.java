/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 50 MB message through a standalone server whose heap is far too small to hold it: SMTP takes it in, the store
 * keeps it, and POP3 RETR sends it back byte for byte. Any step that loaded the message whole would run out of memory.
 */
class LargeMessageTest {
    private static final long MESSAGE_OCTETS = 50L << 20;
    private static final String HEADER = "Subject: fifty megabytes\r\n\r\n";

    @TempDir
    Path dir;

    @Test
    void aFiftyMegabyteMessageGoesInOverSmtpAndOutOverPop3InASmallHeap() throws Exception {
        Files.writeString(dir.resolve("mailcore.yaml"), """
                limits:
                  max-message-size: 64M
                """);
        try (LauncherProcess server = LauncherProcess.start(
                dir,
                List.of("-Xmx64m"),
                "--config",
                dir.resolve("mailcore.yaml").toString(),
                "--search",
                "scan",
                "--smtp",
                "127.0.0.1:0",
                "--pop3",
                "127.0.0.1:0",
                "--user",
                "alice:pw")) {
            Map<String, Integer> ports = LauncherProcess.ports(server.awaitLine("mailcore ready"));

            String sent = send(ports.get("smtp"));
            String retrieved = retrieve(ports.get("pop3"));

            assertThat(retrieved).isEqualTo(sent);
            assertThat(server.stderr()).doesNotContain("OutOfMemoryError");
        }
    }

    /** Sends the message over SMTP, dot-stuffed; returns the SHA-256 of the message as the store must keep it. */
    private static String send(int port) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(120_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            assertThat(reply(in)).startsWith("220");
            for (String command : List.of(
                    "EHLO client.example.org", "MAIL FROM:<a@example.org>", "RCPT TO:<alice@localhost>", "DATA")) {
                out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(reply(in)).as(command).matches("(250|354) .*");
            }
            byte[] header = HEADER.getBytes(StandardCharsets.US_ASCII);
            out.write(header);
            digest.update(header);
            long written = header.length;
            for (int i = 0; written < MESSAGE_OCTETS; i++) {
                // Every tenth line starts with a dot, so stuffing is exercised both ways.
                byte[] line = ((i % 10 == 0 ? "." : "") + "line " + i + " of a message too large for the heap\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
                if (line[0] == '.') {
                    out.write('.');
                }
                out.write(line);
                digest.update(line);
                written += line.length;
            }
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(reply(in)).startsWith("250 ");
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Retrieves message 1 over POP3 and returns the SHA-256 of its content from the Subject line on (the server put
     * its trace fields in front), dot-unstuffed.
     */
    private static String retrieve(int port) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(120_000);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            OutputStream out = socket.getOutputStream();
            assertThat(line(in)).startsWith("+OK");
            out.write("USER alice\r\nPASS pw\r\nRETR 1\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(line(in)).startsWith("+OK");
            assertThat(line(in)).startsWith("+OK");
            assertThat(line(in)).startsWith("+OK");
            boolean body = false;
            for (byte[] line = lineBytes(in); ; line = lineBytes(in)) {
                String start = new String(line, 0, Math.min(line.length, 20), StandardCharsets.US_ASCII);
                if (start.equals(".\r\n")) {
                    break;
                }
                int from = line.length > 0 && line[0] == '.' ? 1 : 0;
                body = body || start.startsWith("Subject: fifty");
                if (body) {
                    digest.update(line, from, line.length - from);
                }
            }
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The last line of an SMTP reply. */
    private static String reply(InputStream in) throws IOException {
        String line;
        do {
            line = line(in);
        } while (line.length() > 3 && line.charAt(3) == '-');
        return line;
    }

    private static String line(InputStream in) throws IOException {
        return new String(lineBytes(in), StandardCharsets.UTF_8).stripTrailing();
    }

    /** One line with its CRLF. */
    private static byte[] lineBytes(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(80);
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        if (b == -1) {
            throw new IOException("connection closed");
        }
        return line.toByteArray();
    }
}
