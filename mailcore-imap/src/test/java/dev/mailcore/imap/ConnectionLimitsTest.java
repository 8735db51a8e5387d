/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.net.ConnectionLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Per-address connection limits, the PROXY protocol and the goodbye of a graceful shutdown, as a client sees them. */
class ConnectionLimitsTest {
    @Test
    void aClientOverThePerAddressLimitGetsByeAndIsClosed() throws IOException {
        try (ImapFixture imap = new ImapFixture(b -> b.connectionLimits(new ConnectionLimits(100, 1)));
                Socket first = connect(imap)) {
            // The greeting first: two connections opened at once may be accepted in either order.
            assertThat(reader(first).readLine()).startsWith("* OK ");
            try (Socket second = connect(imap)) {
                BufferedReader refused = reader(second);
                assertThat(refused.readLine()).isEqualTo("* BYE [UNAVAILABLE] too many connections");
                assertThat(refused.readLine()).isNull();
            }
        }
    }

    @Test
    void shutdownSaysByeToAnIdlingClient() throws IOException {
        ImapFixture imap = new ImapFixture(b -> b.shutdownGrace(Duration.ofSeconds(10)));
        try (Socket socket = connect(imap)) {
            BufferedReader in = reader(socket);
            in.readLine();
            send(socket, "a1 LOGIN alice@example.com secret");
            assertThat(in.readLine()).startsWith("a1 OK");
            send(socket, "a2 SELECT INBOX");
            String line;
            do {
                line = in.readLine();
            } while (!line.startsWith("a2 "));
            send(socket, "a3 IDLE");
            assertThat(in.readLine()).startsWith("+ ");

            imap.close();

            assertThat(in.readLine()).isEqualTo("* BYE server shutting down");
            assertThat(in.readLine()).isNull();
        }
    }

    @Test
    void behindATrustedProxyTheClientsAddressDecidesPlaintextLogin() throws IOException {
        try (ImapFixture imap =
                        new ImapFixture(b -> b.proxyProtocol(java.util.Set.of(InetAddress.getLoopbackAddress())));
                Socket remote = connect(imap);
                Socket local = connect(imap)) {
            send(remote, "PROXY TCP4 203.0.113.7 127.0.0.1 51000 143");
            BufferedReader remoteIn = reader(remote);
            assertThat(remoteIn.readLine()).contains("LOGINDISABLED");
            send(remote, "a1 LOGIN alice@example.com secret");
            assertThat(remoteIn.readLine()).startsWith("a1 NO");

            send(local, "PROXY TCP4 127.0.0.1 127.0.0.1 51000 143");
            BufferedReader localIn = reader(local);
            assertThat(localIn.readLine()).doesNotContain("LOGINDISABLED");
            send(local, "a1 LOGIN alice@example.com secret");
            assertThat(localIn.readLine()).startsWith("a1 OK");
        }
    }

    private static Socket connect(ImapFixture imap) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), imap.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    }

    private static void send(Socket socket, String line) throws IOException {
        socket.getOutputStream().write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }
}
