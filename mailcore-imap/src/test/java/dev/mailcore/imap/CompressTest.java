/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** COMPRESS=DEFLATE (RFC 4978) with a raw client that deflates and inflates, and with Angus Mail. */
class CompressTest {
    private ImapFixture imap;
    private final String body = "line of a long body that compresses well\n".repeat(5_000);

    @BeforeEach
    void start() {
        imap = new ImapFixture();
        imap.deliver("INBOX", "From: bob@example.org\nSubject: big\n\n" + body);
    }

    @AfterEach
    void stop() {
        imap.close();
    }

    @Test
    void everythingAfterTheOkIsDeflatedBothWays() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), imap.port())) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            readLine(in);
            assertThat(command(out, in, "a1 CAPABILITY")).noneMatch(l -> l.contains("COMPRESS"));
            command(out, in, "a2 LOGIN alice@example.com secret");
            assertThat(command(out, in, "a3 CAPABILITY")).anyMatch(l -> l.contains(" COMPRESS=DEFLATE"));
            assertThat(command(out, in, "a4 COMPRESS LZ77")).last().asString().startsWith("a4 BAD");
            assertThat(command(out, in, "a5 COMPRESS DEFLATE")).containsExactly("a5 OK DEFLATE active");

            InputStream inflated = new InflaterInputStream(in, new Inflater(true));
            OutputStream deflated =
                    new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, true), true);
            assertThat(command(deflated, inflated, "b1 COMPRESS DEFLATE"))
                    .containsExactly("b1 NO [COMPRESSIONACTIVE] DEFLATE is already active");
            assertThat(command(deflated, inflated, "b2 CAPABILITY")).noneMatch(l -> l.contains("COMPRESS"));
            assertThat(command(deflated, inflated, "b3 SELECT INBOX"))
                    .last()
                    .asString()
                    .startsWith("b3 OK");
            deflated.write("b4 FETCH 1 BODY[TEXT]\r\n".getBytes(StandardCharsets.US_ASCII));
            deflated.flush();
            String fetch = readLine(inflated);
            String expected = body.replace("\n", "\r\n");
            assertThat(fetch).startsWith("* 1 FETCH (").endsWith("BODY[TEXT] {" + expected.length() + "}");
            assertThat(new String(inflated.readNBytes(expected.length()), StandardCharsets.US_ASCII))
                    .isEqualTo(expected);
            assertThat(readLine(inflated)).endsWith(")");
            assertThat(readLine(inflated)).startsWith("b4 OK");
            assertThat(command(deflated, inflated, "b5 LOGOUT"))
                    .last()
                    .asString()
                    .startsWith("b5 OK");
        }
    }

    @Test
    void angusMailReadsThroughACompressedConnection() throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imap.timeout", "10000");
        properties.put("mail.imap.compress.enable", "true");
        Session session = Session.getInstance(properties);
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        session.setDebug(true);
        session.setDebugOut(new java.io.PrintStream(trace, true, StandardCharsets.UTF_8));
        Store store = session.getStore("imap");
        store.connect("127.0.0.1", imap.port(), ImapFixture.USER, ImapFixture.PASSWORD);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message message = inbox.getMessage(1);
            assertThat(message.getSubject()).isEqualTo("big");
            assertThat(message.getContent().toString()).isEqualTo(body.replace("\n", "\r\n"));
            assertThat(trace.toString(StandardCharsets.UTF_8)).contains("COMPRESS DEFLATE", "OK DEFLATE active");
            inbox.close();
        } finally {
            store.close();
        }
    }

    private static List<String> command(OutputStream out, InputStream in, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String tag = line.substring(0, line.indexOf(' ') + 1);
        List<String> lines = new ArrayList<>();
        String read;
        do {
            read = readLine(in);
            lines.add(read);
        } while (!read.startsWith(tag));
        return lines;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("closed after " + line);
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
