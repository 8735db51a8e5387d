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

/** Reading exactly n octets after a held line, as SMTP's BDAT does. */
class ExactReadTest {
    /** Holds after every line that starts with CHUNK. */
    private static final LiteralAnnouncer HOLD_AFTER_CHUNK = new LiteralAnnouncer() {
        @Override
        public Announcement announced(byte[] line, int length) {
            return null;
        }

        @Override
        public boolean holds(byte[] line, int length) {
            return new String(line, 0, length, StandardCharsets.US_ASCII).startsWith("CHUNK");
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
        public void fail() {
            throw new AssertionError("the stream must go on");
        }
    };

    /** Keeps chunks of up to 100 octets in memory. */
    private final Framer framer = new Framer(100, 1000, 100, new SpoolWriter(null, Runnable::run), HOLD_AFTER_CHUNK);

    @Test
    void deliversTheOctetsAsSoonAsTheLastArrivesEvenInTheMiddleOfALine() {
        framer.feed(bytes("CHUNK 5\r\nab\r\nc"), output);
        assertThat(framer.held()).isTrue();
        framer.receiveExact(5, 100, output);

        assertThat(frames).hasSize(2);
        assertThat(text((Literal) ((Frame.Request) frames.get(1)).parts().getFirst()))
                .isEqualTo("ab\r\nc");
        framer.feed(bytes("NOOP\r\n"), output);
        assertThat(line(frames.get(2))).isEqualTo("NOOP");
    }

    @Test
    void spoolsALargeChunkAndReadsLinesAfterIt() throws Exception {
        Framer spooling = new Framer(100, 1000, 10, new SpoolWriter(spool, Runnable::run), HOLD_AFTER_CHUNK);
        spooling.feed(bytes("CHUNK 20\r\n"), output);
        spooling.receiveExact(20, 100, output);
        spooling.feed(bytes("0123456789".repeat(2) + "NEXT\r\n"), output);

        Literal literal = (Literal) ((Frame.Request) frames.get(1)).parts().getFirst();
        assertThat(text(literal)).isEqualTo("01234567890123456789");
        try (var files = Files.list(spool)) {
            assertThat(files.count()).isEqualTo(1);
        }
        literal.close();
        assertThat(line(frames.get(2))).isEqualTo("NEXT");
    }

    @Test
    void dropsAChunkOverTheLimitAndGoesOnWithLines() {
        framer.feed(bytes("CHUNK 50\r\n"), output);
        framer.receiveExact(50, 10, output);
        framer.feed(bytes("x".repeat(30)), output);
        assertThat(frames).hasSize(1);
        framer.feed(bytes("y".repeat(20) + "NOOP\r\n"), output);

        assertThat(frames.get(1))
                .isInstanceOfSatisfying(
                        Frame.TooLong.class,
                        tooLong -> assertThat(tooLong.literal()).isTrue());
        assertThat(line(frames.get(2))).isEqualTo("NOOP");
    }

    @Test
    void anEmptyChunkArrivesAtOnce() {
        framer.feed(bytes("CHUNK 0\r\nNOOP\r\n"), output);
        framer.receiveExact(0, 10, output);

        assertThat(((Literal) ((Frame.Request) frames.get(1)).parts().getFirst()).size())
                .isZero();
        assertThat(line(frames.get(2))).isEqualTo("NOOP");
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static String text(Literal literal) {
        return new String(literal.readAll(), StandardCharsets.US_ASCII);
    }

    private static String line(Frame frame) {
        return new String(((Frame.Line) ((Frame.Request) frame).parts().getFirst()).bytes(), StandardCharsets.US_ASCII);
    }
}
