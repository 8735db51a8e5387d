/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
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
import org.junit.jupiter.api.Test;

/**
 * A connection stops reading after every held line and reads on when the protocol says so, while its reply is being
 * written: thousands of such turns on several connections at once must all be answered. (Reading on from the
 * protocol's thread while the I/O thread finished a write once lost the read interest, and the connection hung.)
 */
class HeldLineRaceTest {
    private static final int CONNECTIONS = 8;
    private static final int TURNS = 2_000;

    /** Holds after every line; answers it, then reads on. */
    private static final class Answerer implements ProtocolHandler {
        private final Connection connection;

        Answerer(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void connected() {}

        @Override
        public void received(Frame frame) {
            byte[] line = ((Frame.Line) ((Frame.Request) frame).parts().getFirst()).bytes();
            ByteBuffer reply = ByteBuffer.allocate(line.length + 5);
            reply.put("OK ".getBytes(StandardCharsets.US_ASCII))
                    .put(line)
                    .put((byte) '\r')
                    .put((byte) '\n');
            connection.write(reply.flip());
            connection.resumeLines();
        }
    }

    @Test
    void everyHeldLineIsAnsweredWhileRepliesAreInFlight() throws Exception {
        LiteralAnnouncer holdEveryLine = new LiteralAnnouncer() {
            @Override
            public Announcement announced(byte[] line, int length) {
                return null;
            }

            @Override
            public boolean holds(byte[] line, int length) {
                return true;
            }
        };
        try (NetListener listener = NetListener.builder()
                        .port(0)
                        .literals(holdEveryLine)
                        .protocol(Answerer::new)
                        .build();
                ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS)) {
            listener.start();
            List<Future<Integer>> answered = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                answered.add(clients.submit(() -> converse(listener.port())));
            }
            for (Future<Integer> f : answered) {
                assertThat(f.get()).isEqualTo(TURNS);
            }
        }
    }

    private static int converse(int port) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            int turns = 0;
            for (int i = 0; i < TURNS; i++) {
                out.write(("line " + i + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(in.readLine()).isEqualTo("OK line " + i);
                turns++;
            }
            return turns;
        }
    }
}
