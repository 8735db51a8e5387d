/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NetListenerTest {
    /** Echoes lines in upper case; "slow" waits for the test's signal first; "too long" reports framing errors. */
    private static final class Echo implements ProtocolHandler {
        private final Connection connection;
        private final CountDownLatch started;
        private final CountDownLatch release;

        Echo(Connection connection, CountDownLatch started, CountDownLatch release) {
            this.connection = connection;
            this.started = started;
            this.release = release;
        }

        @Override
        public void connected() {
            say("hello " + (connection.isLoopback() ? "local" : "remote"));
        }

        @Override
        public void received(Frame frame) {
            if (frame instanceof Frame.TooLong) {
                say("too long");
                return;
            }
            String line = new String(
                    ((Frame.Line) ((Frame.Request) frame).parts().getFirst()).bytes(), StandardCharsets.UTF_8);
            if (line.equals("compress")) {
                connection.startCompression(ByteBuffer.wrap("COMPRESSING\r\n".getBytes(StandardCharsets.US_ASCII)));
                return;
            }
            if (line.equals("slow")) {
                started.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            say(line.toUpperCase(java.util.Locale.ROOT));
        }

        @Override
        public void shuttingDown() {
            say("bye");
        }

        private void say(String text) {
            connection.write(ByteBuffer.wrap((text + "\r\n").getBytes(StandardCharsets.UTF_8)));
        }
    }

    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    private NetListener listener() {
        NetListener listener = NetListener.builder()
                .port(0)
                .maxLineLength(32)
                .protocol(connection -> new Echo(connection, started, release))
                .build();
        listener.start();
        return listener;
    }

    @Test
    void servesOnTheChosenPortAndKeepsOrder() throws Exception {
        try (NetListener listener = listener();
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.port())) {
            BufferedReader in = reader(socket);
            socket.getOutputStream().write("one\r\ntwo\r\n".repeat(50).getBytes(StandardCharsets.US_ASCII));

            assertThat(listener.port()).isPositive();
            assertThat(in.readLine()).isEqualTo("hello local");
            for (int i = 0; i < 50; i++) {
                assertThat(in.readLine()).isEqualTo("ONE");
                assertThat(in.readLine()).isEqualTo("TWO");
            }
        }
    }

    @Test
    void reportsAnOverLongLineAndKeepsTheConnection() throws Exception {
        try (NetListener listener = listener();
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.port())) {
            BufferedReader in = reader(socket);
            socket.getOutputStream().write(("x".repeat(10_000) + "\r\nafter\r\n").getBytes(StandardCharsets.US_ASCII));

            assertThat(in.readLine()).isEqualTo("hello local");
            assertThat(in.readLine()).isEqualTo("too long");
            assertThat(in.readLine()).isEqualTo("AFTER");
        }
    }

    @Test
    void closeLetsTheCommandInFlightFinish() throws Exception {
        NetListener listener = listener();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.port())) {
            socket.setSoTimeout(10_000);
            BufferedReader in = reader(socket);
            assertThat(in.readLine()).isEqualTo("hello local");
            socket.getOutputStream().write("slow\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

            Thread closer = Thread.ofVirtual().start(() -> listener.close(Duration.ofSeconds(10)));
            release.countDown();

            assertThat(in.readLine()).isEqualTo("SLOW");
            assertThat(in.readLine()).isEqualTo("bye");
            assertThat(in.readLine()).isNull();
            closer.join();
        }
    }

    @Test
    void compressesBothWaysAfterTheReply() throws Exception {
        try (NetListener listener = listener();
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.port())) {
            BufferedReader plain = reader(socket);
            socket.getOutputStream().write("compress\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(plain.readLine()).isEqualTo("hello local");
            assertThat(plain.readLine()).isEqualTo("COMPRESSING");

            var out = new java.util.zip.DeflaterOutputStream(
                    socket.getOutputStream(), new java.util.zip.Deflater(6, true), true);
            // Byte by byte: InputStreamReader waits for more when InflaterInputStream.available() says 1.
            var in = new java.util.zip.InflaterInputStream(socket.getInputStream(), new java.util.zip.Inflater(true));
            out.write("one\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(line(in)).isEqualTo("ONE");
            out.write("two\r\nthree\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(line(in)).isEqualTo("TWO");
            assertThat(line(in)).isEqualTo("THREE");
        }
    }

    @Test
    void refusesConnectionsOverThePerAddressLimitWithTheProtocolsLine() throws Exception {
        ProtocolFactory echo = new ProtocolFactory() {
            @Override
            public ProtocolHandler create(Connection connection) {
                return new Echo(connection, started, release);
            }

            @Override
            public String refusal() {
                return "busy\r\n";
            }
        };
        try (NetListener listener = NetListener.builder()
                .connectionLimits(new ConnectionLimits(10, 2))
                .protocol(echo)
                .build()) {
            listener.start();
            Socket first = new Socket(InetAddress.getLoopbackAddress(), listener.port());
            Socket second = new Socket(InetAddress.getLoopbackAddress(), listener.port());
            assertThat(reader(first).readLine()).isEqualTo("hello local");
            assertThat(reader(second).readLine()).isEqualTo("hello local");
            try (Socket third = new Socket(InetAddress.getLoopbackAddress(), listener.port())) {
                BufferedReader in = reader(third);
                assertThat(in.readLine()).isEqualTo("busy");
                assertThat(in.readLine()).isNull();
            }
            first.close();
            // The slot is free once the server has seen the close.
            org.awaitility.Awaitility.await().until(() -> listener.connectionCount() == 1);
            try (Socket again = new Socket(InetAddress.getLoopbackAddress(), listener.port())) {
                assertThat(reader(again).readLine()).isEqualTo("hello local");
            }
            second.close();
        }
    }

    @Test
    void aTrustedProxysHeaderNamesTheClientForLimitsAndLoopback() throws Exception {
        ProtocolFactory echo = new ProtocolFactory() {
            @Override
            public ProtocolHandler create(Connection connection) {
                return new Echo(connection, started, release);
            }

            @Override
            public String refusal() {
                return "busy\r\n";
            }
        };
        try (NetListener listener = NetListener.builder()
                .connectionLimits(new ConnectionLimits(10, 1))
                .proxyProtocol(java.util.Set.of(InetAddress.getLoopbackAddress()))
                .protocol(echo)
                .build()) {
            listener.start();
            Socket first = new Socket(InetAddress.getLoopbackAddress(), listener.port());
            first.getOutputStream()
                    .write("PROXY TCP4 203.0.113.7 127.0.0.1 51000 143\r\nping\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            BufferedReader firstIn = reader(first);
            assertThat(firstIn.readLine()).isEqualTo("hello remote");
            assertThat(firstIn.readLine()).isEqualTo("PING");

            Socket second = new Socket(InetAddress.getLoopbackAddress(), listener.port());
            second.getOutputStream().write(dev.mailcore.net.internal.ProxyHeaderTest.v2(0x21, 0x11, 12, true));
            // Version 2 names 203.0.113.7 as well: over the limit of one per address.
            BufferedReader secondIn = reader(second);
            assertThat(secondIn.readLine()).isEqualTo("busy");
            assertThat(secondIn.readLine()).isNull();

            Socket third = new Socket(InetAddress.getLoopbackAddress(), listener.port());
            third.getOutputStream()
                    .write("PROXY TCP4 198.51.100.9 127.0.0.1 51000 143\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(reader(third).readLine()).isEqualTo("hello remote");

            Socket garbage = new Socket(InetAddress.getLoopbackAddress(), listener.port());
            garbage.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(reader(garbage).readLine()).isNull();
            for (Socket s : new Socket[] {first, second, third, garbage}) {
                s.close();
            }
        }
    }

    private static String line(java.io.InputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new java.io.EOFException(line.toString());
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static BufferedReader reader(Socket socket) throws java.io.IOException {
        socket.setSoTimeout(10_000);
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }
}
