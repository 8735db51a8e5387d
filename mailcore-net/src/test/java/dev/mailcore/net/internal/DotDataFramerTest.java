/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.net.Frame;
import dev.mailcore.net.Literal;
import dev.mailcore.net.LiteralAnnouncer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotDataFramerTest {
    /** Holds after DATA, like SMTP. */
    private static final LiteralAnnouncer SMTP = new LiteralAnnouncer() {
        @Override
        public Announcement announced(byte[] line, int length) {
            return null;
        }

        @Override
        public boolean holds(byte[] line, int length) {
            return new String(line, 0, length, StandardCharsets.US_ASCII).equalsIgnoreCase("DATA");
        }
    };

    @TempDir
    Path spool;

    private final List<Frame> frames = new ArrayList<>();

    private final Framer.Output output = new Framer.Output() {
        @Override
        public void frame(Frame frame) {
            frames.add(frame);
        }

        @Override
        public void send(byte[] bytes) {}

        @Override
        public void fail() {}
    };

    private void feed(Framer framer, String text) {
        framer.feed(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)), output);
    }

    private List<String> lines() {
        List<String> result = new ArrayList<>();
        for (Frame frame : frames) {
            switch (frame) {
                case Frame.Request request -> {
                    for (Frame.Part part : request.parts()) {
                        result.add(
                                switch (part) {
                                    case Frame.Line line ->
                                        "line:" + new String(line.bytes(), StandardCharsets.US_ASCII);
                                    case Literal literal ->
                                        "data:" + new String(literal.readAll(), StandardCharsets.ISO_8859_1);
                                });
                    }
                }
                case Frame.TooLong tooLong -> result.add("toolong:" + tooLong.literal());
            }
        }
        return result;
    }

    @Test
    void holdsPipelinedBytesUntilTheProtocolDecidesToReadData() {
        Framer framer = new Framer(1000, 1 << 20, 64, new SpoolWriter(spool, Runnable::run), SMTP);
        feed(framer, "MAIL FROM:<a@b>\r\nDATA\r\nline one\r\n..dotted\r\n.\r\nQUIT\r\n");
        assertThat(lines()).containsExactly("line:MAIL FROM:<a@b>", "line:DATA");
        assertThat(framer.held()).isTrue();

        framer.receiveData(1 << 20, output);

        assertThat(lines())
                .containsExactly("line:MAIL FROM:<a@b>", "line:DATA", "data:line one\r\n.dotted\r\n", "line:QUIT");
        assertThat(framer.held()).isFalse();
    }

    @Test
    void readsHeldBytesAsLinesWhenTheProtocolRefusedData() {
        Framer framer = new Framer(1000, 1 << 20, 64, new SpoolWriter(spool, Runnable::run), SMTP);
        feed(framer, "DATA\r\nNOOP\r\n");
        framer.resumeLines(output);
        assertThat(lines()).containsExactly("line:DATA", "line:NOOP");
    }

    @Test
    void messageSplitAcrossReadsAndSpooledToAFileKeepsEveryByte() throws Exception {
        Framer framer = new Framer(1000, 1 << 20, 16, new SpoolWriter(spool, Runnable::run), SMTP);
        feed(framer, "DATA\r\n");
        framer.receiveData(1 << 20, output);
        String body = "Subject: x\r\n\r\n" + "8-bit \u00e9 text that is long\r\n".repeat(100) + "end";
        for (char c : (body + "\r\n.\r\n").toCharArray()) {
            feed(framer, String.valueOf(c));
        }
        assertThat(lines()).containsExactly("line:DATA", "data:" + body + "\r\n");
        try (Frame.Request request = (Frame.Request) frames.get(1)) {
            assertThat(Files.list(spool)).hasSize(1);
            assertThat(request.parts()).hasSize(1);
        }
        assertThat(Files.list(spool)).isEmpty();
    }

    @Test
    void messageOverTheLimitIsReadToItsEndAndReportedTooLong() throws Exception {
        Framer framer = new Framer(1000, 1 << 20, 16, new SpoolWriter(spool, Runnable::run), SMTP);
        feed(framer, "DATA\r\n");
        framer.receiveData(100, output);
        feed(framer, "x".repeat(500) + "\r\n" + "y".repeat(500) + "\r\n.\r\nRSET\r\n");
        assertThat(lines()).containsExactly("line:DATA", "toolong:true", "line:RSET");
        assertThat(Files.list(spool)).isEmpty();
    }

    @Test
    void resetDropsAMessageHalfRead() throws Exception {
        Framer framer = new Framer(1000, 1 << 20, 16, new SpoolWriter(spool, Runnable::run), SMTP);
        feed(framer, "DATA\r\n");
        framer.receiveData(1 << 20, output);
        feed(framer, "z".repeat(500) + "\r\n");
        framer.reset();
        assertThat(lines()).containsExactly("line:DATA");
        assertThat(Files.list(spool)).isEmpty();
    }
}
