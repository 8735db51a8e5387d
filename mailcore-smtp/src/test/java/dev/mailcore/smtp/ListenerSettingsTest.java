/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.net.ConnectionLimits;
import dev.mailcore.net.ScramClient;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Connection limits, the PROXY protocol and the SASL mechanisms of the directory, as SMTP clients see them. */
class ListenerSettingsTest {
    @Test
    void aClientOverTheLimitGets421AndTheSlotIsFreeAgainOnceTheFirstLeaves() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture(b -> b.connectionLimits(new ConnectionLimits(100, 1)))) {
            try (SmtpClient first = new SmtpClient(smtp.port())) {
                // The first is greeted before the second connects: which of two connections opens first is not fixed.
                assertThat(first.reply()).startsWith("220 ");
                try (SmtpClient second = new SmtpClient(smtp.port())) {
                    assertThat(second.in.readLine())
                            .isEqualTo("421 4.7.0 mx.example.com too many connections, try later");
                    assertThat(second.in.readLine()).isNull();
                }
                assertThat(first.command("QUIT")).startsWith("221 ");
                assertThat(first.in.readLine()).isNull();
            }
            assertThat(greetingOfALaterClient(smtp)).startsWith("220 ");
        }
    }

    @Test
    void behindATrustedProxyTheReceivedHeaderNamesTheClient() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture(b -> b.proxyProtocol(Set.of(InetAddress.getLoopbackAddress())));
                SmtpClient client = new SmtpClient(smtp.port())) {
            client.send("PROXY TCP4 203.0.113.7 127.0.0.1 51000 25\r\n");
            assertThat(client.reply()).startsWith("220 ");
            client.command("EHLO client.example.org");
            assertThat(client.command("MAIL FROM:<someone@example.org>")).startsWith("250 ");
            assertThat(client.command("RCPT TO:<alice@example.com>")).startsWith("250 ");
            assertThat(client.command("DATA")).startsWith("354 ");
            assertThat(client.command("Subject: proxied\r\n\r\nhello\r\n.")).startsWith("250 ");

            String message = new String(
                    smtp.raw(
                            "alice@example.com", smtp.inbox("alice@example.com").getFirst()),
                    StandardCharsets.UTF_8);
            assertThat(message).contains("Received: from client.example.org ([203.0.113.7])");
        }
    }

    @Test
    void submissionAuthenticatesWithScramSha256() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture(b -> b.mode(SmtpMode.SUBMISSION));
                SmtpClient client = new SmtpClient(smtp.port())) {
            client.reply();
            client.send("EHLO client.example.org\r\n");
            StringBuilder ehlo = new StringBuilder();
            String line;
            do {
                line = client.in.readLine();
                ehlo.append(line).append('\n');
            } while (line.charAt(3) == '-');
            assertThat(ehlo).contains("AUTH SCRAM-SHA-256 PLAIN LOGIN");

            ScramClient scram = new ScramClient("alice@example.com", SmtpFixture.PASSWORD);
            String serverFirst = client.command("AUTH SCRAM-SHA-256 " + scram.first());
            assertThat(serverFirst).startsWith("334 ");
            String serverFinal = client.command(scram.answer(serverFirst.substring(4)));
            assertThat(serverFinal).isEqualTo("334 " + scram.expectedServerFinal());
            assertThat(client.command("")).startsWith("235 2.7.0");
            assertThat(client.command("MAIL FROM:<alice@example.com>")).startsWith("250 ");
        }
    }

    @Test
    void scramWithAWrongPasswordIsRefusedAndTheClientMayTryAgain() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture(b -> b.mode(SmtpMode.SUBMISSION));
                SmtpClient client = new SmtpClient(smtp.port())) {
            client.reply();
            client.command("EHLO client.example.org");
            ScramClient scram = new ScramClient("alice@example.com", "wrong");
            String serverFirst = client.command("AUTH SCRAM-SHA-256 " + scram.first());
            assertThat(client.command(scram.answer(serverFirst.substring(4)))).startsWith("535 5.7.8");
            assertThat(client.command("MAIL FROM:<alice@example.com>")).startsWith("530 ");
        }
    }

    /** The slot is released when the server has seen the first client go, which may follow its EOF by a moment. */
    private static String greetingOfALaterClient(SmtpFixture smtp) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (SmtpClient client = new SmtpClient(smtp.port())) {
                String line = client.in.readLine();
                if (!line.startsWith("421 ")) {
                    return line;
                }
            }
            Thread.sleep(20);
        }
        return "still refused";
    }
}
