/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;

/**
 * Responses reach the client whole and in the order of the requests, whether they fit the socket at once or not: many
 * pipelined requests whose small replies are interleaved with replies far larger than the socket's buffers, on several
 * connections at once, read quickly or slowly, in plaintext, in TLS and compressed.
 */
class WriteOrderTest {
    private static final int CONNECTIONS = 4;
    private static final int REQUESTS = 300;
    private static final int LARGE = 1 << 20;

    /** A reply of a few TLS records (the large-reply cases follow in {@link #largeRepliesInTlsArriveInOrder}). */
    private static final int LARGE_IN_TLS = 8 << 10;

    /** Answers "N" with a line of {@link #reply} for N; "compress" starts COMPRESS=DEFLATE; "quit" closes. */
    private static final class Replier implements ProtocolHandler {
        private final Connection connection;

        Replier(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void connected() {
            connection.write(ByteBuffer.wrap("ready\r\n".getBytes(StandardCharsets.US_ASCII)));
        }

        @Override
        public void received(Frame frame) {
            String line = new String(
                    ((Frame.Line) ((Frame.Request) frame).parts().getFirst()).bytes(), StandardCharsets.US_ASCII);
            switch (line) {
                case "compress" ->
                    connection.startCompression(ByteBuffer.wrap("compressing\r\n".getBytes(StandardCharsets.US_ASCII)));
                case "quit" -> {
                    connection.write(ByteBuffer.wrap("bye\r\n".getBytes(StandardCharsets.US_ASCII)));
                    connection.close();
                }
                default -> {
                    String[] words = line.split(" ");
                    connection.write(
                            ByteBuffer.wrap((reply(Integer.parseInt(words[0]), Integer.parseInt(words[1])) + "\r\n")
                                    .getBytes(StandardCharsets.US_ASCII)));
                }
            }
        }
    }

    /** Every tenth reply is {@code large} long; the others are short. Each names its request and ends with a check. */
    private static String reply(int n, int large) {
        int length = n % 10 == 0 ? large : 20;
        StringBuilder text = new StringBuilder(length + 16).append(n).append(' ');
        for (int i = 0; text.length() < length; i++) {
            text.append((char) ('a' + (n + i) % 26));
        }
        return text.append(" end ").append(n).toString();
    }

    @Test
    void pipelinedRepliesArriveInOrderOnEachConnection() throws Exception {
        try (NetListener listener = listener(NetListener.builder())) {
            converseOnMany(() -> new Socket(InetAddress.getLoopbackAddress(), listener.port()), LARGE, false, false);
        }
    }

    @Test
    void aSlowReaderStillGetsEveryReplyInOrder() throws Exception {
        try (NetListener listener = listener(NetListener.builder())) {
            converseOnMany(() -> new Socket(InetAddress.getLoopbackAddress(), listener.port()), LARGE, false, true);
        }
    }

    @Test
    void repliesInTlsArriveInOrder() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.generate();
        try (NetListener listener =
                listener(NetListener.builder().tlsMode(TlsMode.IMPLICIT).sslContext(certificate.serverContext()))) {
            converseOnMany(
                    () -> certificate
                            .clientContext()
                            .getSocketFactory()
                            .createSocket(InetAddress.getLoopbackAddress(), listener.port()),
                    LARGE_IN_TLS,
                    false,
                    true);
        }
    }

    /**
     * Replies of many TLS records each, which MINA's TLS filter encrypts a few records at a time while it holds the
     * rest: the writer must wait for a slow client rather than overrun that filter, and the closing "bye" must not
     * cut off what it still holds.
     */
    @Test
    void largeRepliesInTlsArriveInOrder() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.generate();
        try (NetListener listener =
                listener(NetListener.builder().tlsMode(TlsMode.IMPLICIT).sslContext(certificate.serverContext()))) {
            for (int large : new int[] {60 << 10, LARGE}) {
                for (boolean slow : new boolean[] {false, true}) {
                    converseOnMany(
                            () -> certificate
                                    .clientContext()
                                    .getSocketFactory()
                                    .createSocket(InetAddress.getLoopbackAddress(), listener.port()),
                            large,
                            false,
                            slow);
                }
            }
            converseOnMany(
                    () -> certificate
                            .clientContext()
                            .getSocketFactory()
                            .createSocket(InetAddress.getLoopbackAddress(), listener.port()),
                    LARGE,
                    true,
                    true);
        }
    }

    @Test
    void compressedRepliesArriveInOrder() throws Exception {
        try (NetListener listener = listener(NetListener.builder())) {
            converseOnMany(() -> new Socket(InetAddress.getLoopbackAddress(), listener.port()), LARGE, true, true);
        }
    }

    private interface SocketOpener {
        Socket open() throws IOException;
    }

    private static NetListener listener(NetListener.Builder builder) {
        NetListener listener =
                builder.port(0).maxLineLength(64).protocol(Replier::new).build();
        listener.start();
        return listener;
    }

    private static void converseOnMany(SocketOpener opener, int large, boolean compress, boolean slow)
            throws Exception {
        try (ExecutorService clients = Executors.newFixedThreadPool(2 * CONNECTIONS)) {
            List<Future<Integer>> answered = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                answered.add(clients.submit(() -> converse(opener.open(), large, compress, slow, clients)));
            }
            for (Future<Integer> f : answered) {
                assertThat(f.get()).isEqualTo(REQUESTS);
            }
        }
    }

    /** Sends every request at once (from another thread, so neither side waits for the other), then reads. */
    private static int converse(Socket socket, int large, boolean compress, boolean slow, ExecutorService threads)
            throws Exception {
        try (socket) {
            socket.setSoTimeout(30_000);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            assertThat(plainLine(in)).isEqualTo("ready");
            if (compress) {
                out.write("compress\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(plainLine(in)).isEqualTo("compressing");
                in = new InflaterInputStream(in, new Inflater(true));
                out = new DeflaterOutputStream(out, new Deflater(6, true), true);
            }
            OutputStream requests = out;
            Future<?> sent = threads.submit(() -> {
                StringBuilder all = new StringBuilder();
                for (int i = 1; i <= REQUESTS; i++) {
                    all.append(i).append(' ').append(large).append("\r\n");
                }
                all.append("quit\r\n");
                requests.write(all.toString().getBytes(StandardCharsets.US_ASCII));
                requests.flush();
                return null;
            });
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(slow ? new SlowReader(in) : in, StandardCharsets.US_ASCII));
            int answered = 0;
            for (int i = 1; i <= REQUESTS; i++) {
                String line = reader.readLine();
                // Compared without printing a megabyte on failure.
                assertThat(line == null ? "end of stream" : line.length() + " chars: " + brief(line))
                        .as("reply %d", i)
                        .isEqualTo(reply(i, large).length() + " chars: " + brief(reply(i, large)));
                assertThat(line.equals(reply(i, large))).as("reply %d whole", i).isTrue();
                answered++;
            }
            assertThat(reader.readLine()).isEqualTo("bye");
            sent.get();
            return answered;
        }
    }

    private static String brief(String line) {
        return line.length() <= 40 ? line : line.substring(0, 20) + "..." + line.substring(line.length() - 20);
    }

    /** A line read byte by byte, so nothing after it is consumed before compression starts. */
    private static String plainLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("closed after " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
