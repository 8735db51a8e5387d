/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a protocol script against a server over a raw socket (the same format as mailcore-imap's scripts):
 *
 * <ul>
 *   <li>{@code C: text} sends text and CRLF; {@code {{x*N}}} in it stands for N times x.
 *   <li>{@code B: text} sends text without CRLF, with {@code \r} and {@code \n} standing for CR and LF (a BDAT
 *       chunk).
 *   <li>{@code S: regex} the next server line must match the regex.
 *   <li>{@code CLOSED} the server must have closed the connection.
 *   <li>{@code #} starts a comment; blank lines are ignored.
 * </ul>
 *
 * Consecutive {@code C:} lines go out in one write, so a script pipelines by listing commands before replies.
 */
final class ScriptRunner {
    private static final Pattern REPEAT = Pattern.compile("\\{\\{(.)\\*(\\d+)}}");

    private ScriptRunner() {}

    static void run(String resource, int port) throws IOException {
        List<String> lines = load(resource);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            List<String> transcript = new ArrayList<>();
            StringBuilder batch = new StringBuilder();
            int number = 0;
            for (String line : lines) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String where = resource + ":" + number;
                if (line.startsWith("C: ") || line.equals("C:")) {
                    String text = expand(line.substring(Math.min(3, line.length())));
                    transcript.add("C: " + abbreviate(text));
                    batch.append(text).append("\r\n");
                    continue;
                }
                if (line.startsWith("B: ")) {
                    String text = expand(line.substring(3)).replace("\\r", "\r").replace("\\n", "\n");
                    transcript.add("B: " + abbreviate(line.substring(3)));
                    batch.append(text);
                    continue;
                }
                if (!batch.isEmpty()) {
                    out.write(batch.toString().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    batch.setLength(0);
                }
                if (line.startsWith("S: ")) {
                    String got = in.readLine();
                    transcript.add("S: " + got);
                    if (got == null || !got.matches(line.substring(3))) {
                        fail(where + ": expected /" + line.substring(3) + "/ but got " + got + "\n"
                                + String.join("\n", transcript));
                    }
                } else if (line.equals("CLOSED")) {
                    assertThat(in.readLine())
                            .as(where + ": connection should be closed\n" + String.join("\n", transcript))
                            .isNull();
                } else {
                    fail(where + ": bad script line " + line);
                }
            }
        }
    }

    private static String expand(String text) {
        Matcher m = REPEAT.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1).repeat(Integer.parseInt(m.group(2)))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private static List<String> load(String resource) throws IOException {
        try (InputStream in = ScriptRunner.class.getResourceAsStream("/scripts/" + resource)) {
            if (in == null) {
                throw new IOException("no script " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
