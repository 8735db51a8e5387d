/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a protocol script from {@code /scripts/} on the test class path against a server over a raw socket, for the
 * IMAP, POP3 and SMTP tests. Lines of a script:
 *
 * <ul>
 *   <li>{@code C: text} sends text and CRLF; {@code {{x*N}}} in it stands for N times x and {@code {{CRLF}}} for a
 *       line end.
 *   <li>{@code B: text} sends text without CRLF, with {@code \r} and {@code \n} standing for CR and LF (a BDAT
 *       chunk, a literal's bytes).
 *   <li>{@code S: regex} the next server line must match the regex.
 *   <li>{@code S~: regex} server lines are skipped until one matches.
 *   <li>{@code CLOSED} the server must have closed the connection.
 *   <li>{@code #} starts a comment; blank lines are ignored.
 * </ul>
 *
 * Consecutive {@code C:} and {@code B:} lines go out in one write, so a script pipelines by listing commands before
 * replies. A server that stays silent for ten seconds fails the script with the transcript so far.
 */
public final class ScriptRunner {
    private static final Pattern REPEAT = Pattern.compile("\\{\\{(.)\\*(\\d+)}}");

    private final String resource;
    private final BufferedReader in;
    private final OutputStream out;
    private final List<String> transcript = new ArrayList<>();
    private final StringBuilder batch = new StringBuilder();

    private ScriptRunner(String resource, BufferedReader in, OutputStream out) {
        this.resource = resource;
        this.in = in;
        this.out = out;
    }

    /** Runs {@code /scripts/<resource>} against the server on the loopback port. */
    public static void run(String resource, int port) throws IOException {
        List<String> lines = load(resource);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            ScriptRunner runner = new ScriptRunner(resource, in, socket.getOutputStream());
            int number = 0;
            for (String line : lines) {
                number++;
                try {
                    runner.step(line, resource + ":" + number);
                } catch (SocketTimeoutException e) {
                    fail(resource + ":" + number + ": no answer within 10 s\n" + runner.transcript());
                }
            }
            runner.flush();
        }
    }

    private void step(String line, String where) throws IOException {
        if (line.isBlank() || line.startsWith("#")) {
            return;
        }
        if (line.startsWith("C: ") || line.equals("C:")) {
            String text = expand(line.substring(Math.min(3, line.length())));
            transcript.add("C: " + abbreviate(text));
            batch.append(text).append("\r\n");
            return;
        }
        if (line.startsWith("B: ")) {
            transcript.add("B: " + abbreviate(line.substring(3)));
            batch.append(expand(line.substring(3)).replace("\\r", "\r").replace("\\n", "\n"));
            return;
        }
        flush();
        if (line.startsWith("S: ")) {
            String got = in.readLine();
            transcript.add("S: " + got);
            if (got == null || !got.matches(line.substring(3))) {
                fail(where + ": expected /" + line.substring(3) + "/ but got " + got + "\n" + transcript());
            }
        } else if (line.startsWith("S~: ")) {
            String regex = line.substring(4);
            String got;
            do {
                got = in.readLine();
                transcript.add("S: " + got);
            } while (got != null && !got.matches(regex));
            assertThat(got)
                    .as(where + ": no line matched /" + regex + "/\n" + transcript())
                    .isNotNull();
        } else if (line.equals("CLOSED")) {
            assertThat(in.readLine())
                    .as(where + ": connection should be closed\n" + transcript())
                    .isNull();
        } else {
            fail(where + ": bad script line in " + resource + ": " + line);
        }
    }

    private void flush() throws IOException {
        if (!batch.isEmpty()) {
            out.write(batch.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            batch.setLength(0);
        }
    }

    private String transcript() {
        return String.join("\n", transcript);
    }

    private static String expand(String text) {
        Matcher m = REPEAT.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1).repeat(Integer.parseInt(m.group(2)))));
        }
        m.appendTail(sb);
        return sb.toString().replace("{{CRLF}}", "\r\n");
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
