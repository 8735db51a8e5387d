/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pipelining, large bodies and shutdown. */
class RobustnessTest {
    private ImapFixture imap;

    @BeforeEach
    void start() {
        imap = new ImapFixture();
    }

    @AfterEach
    void stop() {
        imap.close();
    }

    @Test
    void tenThousandPipelinedCommandsAreAllAnsweredInOrder() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), imap.port())) {
            socket.setSoTimeout(30_000);
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            in.readLine();
            OutputStream out = socket.getOutputStream();
            Thread writer = Thread.ofVirtual().start(() -> {
                StringBuilder commands = new StringBuilder();
                for (int i = 0; i < 10_000; i++) {
                    commands.append('p').append(i).append(" NOOP\r\n");
                }
                try {
                    out.write(commands.toString().getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });

            for (int i = 0; i < 10_000; i++) {
                assertThat(in.readLine()).isEqualTo("p" + i + " OK NOOP completed");
            }
            writer.join();
        }
        try (RawClient other = new RawClient(imap.port())) {
            assertThat(other.command("NOOP")).containsExactly("t1 OK NOOP completed");
        }
    }

    @Test
    void aLargeBodyArrivesWhole() throws Exception {
        String line = "0123456789".repeat(7) + "\r\n";
        String body = line.repeat(40_000);
        imap.deliver("INBOX", "Subject: big\n\n" + body.replace("\r\n", "\n"));
        try (RawClient client = new RawClient(imap.port())) {
            client.command("LOGIN alice@example.com secret");
            client.command("EXAMINE INBOX");

            List<String> lines = client.command("FETCH 1 BODY.PEEK[TEXT]");

            assertThat(lines.getFirst()).isEqualTo("* 1 FETCH (BODY[TEXT] {" + body.length() + "}");
            assertThat(lines).hasSize(40_000 + 3);
            assertThat(lines.get(40_000)).isEqualTo(line.trim());
            assertThat(lines.get(40_001)).isEqualTo(")");
        }
    }

    @Test
    void shutdownSaysByeToConnectedClients() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), imap.port())) {
            socket.setSoTimeout(10_000);
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("* OK");

            imap.server.close();

            assertThat(in.readLine()).startsWith("* BYE");
            assertThat(in.readLine()).isNull();
        }
    }

    @Test
    void aSilentClientIsLoggedOut() throws Exception {
        try (ImapFixture quick = new ImapFixture(b -> b.idleTimeout(java.time.Duration.ofSeconds(1)));
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), quick.port())) {
            socket.setSoTimeout(10_000);
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("* OK");

            assertThat(in.readLine()).isEqualTo("* BYE autologout: idle for too long");
            assertThat(in.readLine()).isNull();
        }
    }
}
