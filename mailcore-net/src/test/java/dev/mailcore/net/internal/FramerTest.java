/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net.internal;

import static dev.mailcore.net.BraceLiterals.BRACES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.net.Frame;
import dev.mailcore.net.Literal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FramerTest {

    @TempDir
    Path spool;

    private final List<Frame> frames = new ArrayList<>();
    private final List<String> sent = new ArrayList<>();
    private boolean failed;

    private final Framer.Output output = new Framer.Output() {
        @Override
        public void frame(Frame frame) {
            frames.add(frame);
        }

        @Override
        public void send(byte[] bytes) {
            sent.add(new String(bytes, StandardCharsets.US_ASCII));
        }

        @Override
        public void fail() {
            failed = true;
        }
    };

    private Framer framer(int maxLine, long maxLiteral, int threshold) {
        return new Framer(maxLine, maxLiteral, threshold, new SpoolWriter(spool, Runnable::run), BRACES);
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static String line(Frame.Part part) {
        return new String(((Frame.Line) part).bytes(), StandardCharsets.US_ASCII);
    }

    @Test
    void splitsLinesAcrossReadsAndStripsCrlf() {
        Framer framer = framer(100, 100, 10);
        framer.feed(bytes("a1 NO"), output);
        framer.feed(bytes("OP\r\na2 CAPA"), output);
        framer.feed(bytes("BILITY\r\n"), output);

        assertThat(frames).hasSize(2);
        assertThat(line(((Frame.Request) frames.get(0)).parts().getFirst())).isEqualTo("a1 NOOP");
        assertThat(line(((Frame.Request) frames.get(1)).parts().getFirst())).isEqualTo("a2 CAPABILITY");
    }

    @Test
    void skipsAnOverLongLineAndGoesOn() {
        Framer framer = framer(16, 100, 10);
        framer.feed(bytes("a1 " + "x".repeat(1000) + "\r\na2 NOOP\r\n"), output);

        assertThat(frames).hasSize(2);
        Frame.TooLong tooLong = (Frame.TooLong) frames.get(0);
        assertThat(new String(tooLong.start(), StandardCharsets.US_ASCII)).startsWith("a1 ");
        assertThat(tooLong.literal()).isFalse();
        assertThat(line(((Frame.Request) frames.get(1)).parts().getFirst())).isEqualTo("a2 NOOP");
    }

    @Test
    void readsASmallLiteralIntoMemoryAfterTheContinuation() {
        Framer framer = framer(100, 100, 10);
        framer.feed(bytes("a1 LOGIN {5}\r\n"), output);
        assertThat(sent).containsExactly("+ go\r\n");
        framer.feed(bytes("al\r\nx secret\r\n"), output);

        Frame.Request request = (Frame.Request) frames.getFirst();
        assertThat(request.parts()).hasSize(3);
        assertThat(new String(((Literal) request.parts().get(1)).readAll(), StandardCharsets.US_ASCII))
                .isEqualTo("al\r\nx");
        assertThat(line(request.parts().get(2))).isEqualTo(" secret");
    }

    @Test
    void spoolsALargeLiteralToATempFileThatCloseDeletes() throws Exception {
        Framer framer = framer(100, 1000, 10);
        framer.feed(bytes("a1 APPEND INBOX {20+}\r\n" + "0123456789".repeat(2) + "\r\n"), output);

        assertThat(sent).isEmpty();
        Frame.Request request = (Frame.Request) frames.getFirst();
        Literal literal = (Literal) request.parts().get(1);
        assertThat(literal.size()).isEqualTo(20);
        assertThat(new String(literal.readAll(), StandardCharsets.US_ASCII)).isEqualTo("01234567890123456789");
        try (var files = Files.list(spool)) {
            assertThat(files.count()).isEqualTo(1);
        }
        request.close();
        try (var files = Files.list(spool)) {
            assertThat(files.count()).isZero();
        }
    }

    @Test
    void refusesASynchronizingLiteralOverTheLimitWithoutReadingIt() {
        Framer framer = framer(100, 10, 10);
        framer.feed(bytes("a1 APPEND INBOX {11}\r\na2 NOOP\r\n"), output);

        assertThat(sent).isEmpty();
        assertThat(((Frame.TooLong) frames.get(0)).literal()).isTrue();
        assertThat(line(((Frame.Request) frames.get(1)).parts().getFirst())).isEqualTo("a2 NOOP");
        assertThat(failed).isFalse();
    }

    @Test
    void failsTheConnectionOnANonSynchronizingLiteralOverTheLimit() {
        Framer framer = framer(100, 10, 10);
        framer.feed(bytes("a1 APPEND INBOX {11+}\r\n"), output);

        assertThat(failed).isTrue();
    }

    @Test
    void resetDropsWhatWasBuffered() {
        Framer framer = framer(100, 100, 10);
        framer.feed(bytes("a1 STARTTLS\r\na2 LOG"), output);
        framer.reset();
        framer.feed(bytes("a3 NOOP\r\n"), output);

        assertThat(frames).hasSize(2);
        assertThat(line(((Frame.Request) frames.get(1)).parts().getFirst())).isEqualTo("a3 NOOP");
    }
}
