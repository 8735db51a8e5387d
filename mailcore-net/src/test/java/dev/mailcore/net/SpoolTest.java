/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net;

import static dev.mailcore.net.BraceLiterals.BRACES;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Literals above the memory threshold go to temp files without holding up the other connections of the listener. */
class SpoolTest {

    /** Answers a literal with its size and SHA-256, a line with itself in upper case. */
    private static final class Digest implements ProtocolHandler {
        private final Connection connection;

        Digest(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void connected() {
            say("hello");
        }

        @Override
        public void received(Frame frame) {
            if (!(frame instanceof Frame.Request request)) {
                say("too long");
                return;
            }
            try (request) {
                if (request.parts().size() > 1 && request.parts().get(1) instanceof Literal literal) {
                    say("GOT " + literal.size() + " " + sha256(literal));
                } else {
                    Frame.Line line = (Frame.Line) request.parts().getFirst();
                    say(new String(line.bytes(), StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT));
                }
            }
        }

        private void say(String text) {
            connection.write(ByteBuffer.wrap((text + "\r\n").getBytes(StandardCharsets.US_ASCII)));
        }
    }

    @TempDir
    Path spool;

    private NetListener listener(Path spoolDirectory) {
        NetListener listener = NetListener.builder()
                .port(0)
                // One I/O thread: every connection shares the thread that reads the big literal.
                .ioThreads(1)
                .literalMemoryThreshold(64 << 10)
                .maxLiteralSize(64L << 20)
                .spoolDirectory(spoolDirectory)
                .literals(BRACES)
                .protocol(Digest::new)
                .build();
        listener.start();
        return listener;
    }

    @Test
    void aBigLiteralArrivesWholeWhileAnotherConnectionIsAnswered() throws Exception {
        byte[] message = pattern(16 << 20);
        int half = message.length / 2;
        try (NetListener listener = listener(spool);
                Socket big = socket(listener);
                Socket other = socket(listener)) {
            BufferedReader bigIn = reader(big);
            BufferedReader otherIn = reader(other);
            assertThat(bigIn.readLine()).isEqualTo("hello");
            assertThat(otherIn.readLine()).isEqualTo("hello");
            OutputStream bigOut = big.getOutputStream();
            bigOut.write(("a APPEND {" + message.length + "}\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(bigIn.readLine()).isEqualTo("+ go");
            bigOut.write(message, 0, half);

            // Half a literal is on its way to a temp file; the other connection is served all the same.
            for (int i = 0; i < 20; i++) {
                other.getOutputStream().write(("ping " + i + "\r\n").getBytes(StandardCharsets.US_ASCII));
                assertThat(otherIn.readLine()).isEqualTo("PING " + i);
            }

            bigOut.write(message, half, message.length - half);
            bigOut.write("\r\nnext\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(bigIn.readLine()).isEqualTo("GOT " + message.length + " " + sha256(message));
            assertThat(bigIn.readLine()).isEqualTo("NEXT");
        }
        assertThat(files(spool)).isEmpty();
    }

    @Test
    void pipelinedLiteralsKeepTheirOrderAndContent() throws Exception {
        byte[] first = pattern(600 << 10);
        byte[] second = pattern(300 << 10);
        second[0] = 'x';
        try (NetListener listener = listener(spool);
                Socket socket = socket(listener)) {
            BufferedReader in = reader(socket);
            OutputStream out = socket.getOutputStream();
            assertThat(in.readLine()).isEqualTo("hello");
            out.write(("a {" + first.length + "+}\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(first);
            out.write(("\r\nbetween\r\nb {" + second.length + "+}\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(second);
            out.write("\r\nlast\r\n".getBytes(StandardCharsets.US_ASCII));

            assertThat(in.readLine()).isEqualTo("GOT " + first.length + " " + sha256(first));
            assertThat(in.readLine()).isEqualTo("BETWEEN");
            assertThat(in.readLine()).isEqualTo("GOT " + second.length + " " + sha256(second));
            assertThat(in.readLine()).isEqualTo("LAST");
        }
        assertThat(files(spool)).isEmpty();
    }

    @Test
    void aConnectionClosedInTheMiddleOfALiteralLeavesNoTempFile() throws Exception {
        try (NetListener listener = listener(spool)) {
            try (Socket socket = socket(listener)) {
                BufferedReader in = reader(socket);
                assertThat(in.readLine()).isEqualTo("hello");
                socket.getOutputStream().write("a {4000000+}\r\n".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().write(pattern(1 << 20));
                socket.getOutputStream().flush();
                assertThat(awaitFiles(false)).isNotEmpty();
            }
            // The server learns of the close and deletes the partial file on its own schedule.
            assertThat(awaitFiles(true)).isEmpty();
        }
    }

    /** The spool's files once it is empty ({@code empty}) or not, or as they are after 30 seconds. */
    private java.util.List<Path> awaitFiles(boolean empty) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        java.util.List<Path> files = files(spool);
        while (files.isEmpty() != empty && System.nanoTime() < deadline) {
            Thread.sleep(20);
            files = files(spool);
        }
        return files;
    }

    @Test
    void aLiteralThatCannotBeSpooledClosesOnlyItsConnection() throws Exception {
        try (NetListener listener = listener(spool.resolve("missing"));
                Socket big = socket(listener);
                Socket other = socket(listener)) {
            BufferedReader bigIn = reader(big);
            BufferedReader otherIn = reader(other);
            assertThat(bigIn.readLine()).isEqualTo("hello");
            assertThat(otherIn.readLine()).isEqualTo("hello");
            byte[] message = pattern(1 << 20);
            big.getOutputStream().write(("a {" + message.length + "+}\r\n").getBytes(StandardCharsets.US_ASCII));
            try {
                big.getOutputStream().write(message);
            } catch (IOException e) {
                // The server may close before all of it is sent.
            }

            assertThat(readToEnd(bigIn)).doesNotContain("GOT");
            other.getOutputStream().write("still there\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(otherIn.readLine()).isEqualTo("STILL THERE");
        }
    }

    private static Socket socket(NetListener listener) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.port());
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    }

    private static String readToEnd(BufferedReader in) {
        StringBuilder text = new StringBuilder();
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                text.append(line).append('\n');
            }
        } catch (IOException e) {
            // A reset connection ends the stream too.
        }
        return text.toString();
    }

    private static byte[] pattern(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) ('a' + (i * 7 + i / 4093) % 26);
        }
        return bytes;
    }

    private static String sha256(Literal literal) {
        try (InputStream in = literal.open()) {
            return sha256(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.util.List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}
