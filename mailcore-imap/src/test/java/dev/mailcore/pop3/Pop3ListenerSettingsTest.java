/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.net.ConnectionLimits;
import dev.mailcore.net.ScramClient;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Connection limits and the SASL mechanisms of the directory, as POP3 clients see them. */
class Pop3ListenerSettingsTest {
    @Test
    void aClientOverTheLimitGetsSysTempAndTheSlotIsFreeAgainOnceTheFirstLeaves() throws Exception {
        try (Pop3Fixture pop3 = new Pop3Fixture(b -> b.connectionLimits(new ConnectionLimits(100, 1)))) {
            try (Pop3LineClient first = new Pop3LineClient(pop3.port());
                    Pop3LineClient second = new Pop3LineClient(pop3.port())) {
                assertThat(first.greeting).startsWith("+OK");
                assertThat(second.greeting).isEqualTo("-ERR [SYS/TEMP] too many connections");
                assertThat(second.closedByServer()).isTrue();
                assertThat(first.command("QUIT")).startsWith("+OK");
                assertThat(first.closedByServer()).isTrue();
            }
            assertThat(greetingOfALaterClient(pop3)).startsWith("+OK");
        }
    }

    @Test
    void scramSha256IsOfferedAndLogsIn() throws Exception {
        try (Pop3Fixture pop3 = new Pop3Fixture();
                Pop3LineClient client = new Pop3LineClient(pop3.port())) {
            assertThat(client.lines("CAPA")).contains("SASL SCRAM-SHA-256 PLAIN LOGIN OAUTHBEARER XOAUTH2");
            assertThat(client.lines("AUTH")).contains("SCRAM-SHA-256");

            ScramClient scram = new ScramClient(Pop3Fixture.USER, Pop3Fixture.PASSWORD);
            String serverFirst = client.command("AUTH SCRAM-SHA-256 " + scram.first());
            assertThat(serverFirst).startsWith("+ ");
            assertThat(client.command(scram.answer(serverFirst.substring(2))))
                    .isEqualTo("+ " + scram.expectedServerFinal());
            assertThat(client.command("")).startsWith("+OK");
            assertThat(client.command("STAT")).startsWith("+OK 0 0");
        }
    }

    @Test
    void scramWithAWrongPasswordIsRefused() throws Exception {
        try (Pop3Fixture pop3 = new Pop3Fixture();
                Pop3LineClient client = new Pop3LineClient(pop3.port())) {
            ScramClient scram = new ScramClient(Pop3Fixture.USER, "wrong");
            String serverFirst = client.command("AUTH SCRAM-SHA-256 " + scram.first());
            assertThat(client.command(scram.answer(serverFirst.substring(2)))).startsWith("-ERR [AUTH]");
            assertThat(client.login()).startsWith("+OK");
        }
    }

    /** The slot is released when the server has seen the first client go, which may follow its EOF by a moment. */
    private static String greetingOfALaterClient(Pop3Fixture pop3) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Pop3LineClient client = new Pop3LineClient(pop3.port())) {
                if (!client.greeting.startsWith("-ERR")) {
                    return client.greeting;
                }
            }
            Thread.sleep(20);
        }
        return "still refused";
    }
}
