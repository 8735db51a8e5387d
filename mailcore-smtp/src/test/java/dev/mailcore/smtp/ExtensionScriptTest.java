/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.net.ScriptRunner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Protocol scripts for CHUNKING, DSN, SMTPUTF8 and the greeting delay. */
class ExtensionScriptTest {
    @Test
    void chunksMakeOneMessageByteForByte() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture()) {
            ScriptRunner.run("bdat.txt", smtp.port());

            String raw = new String(
                    smtp.raw(
                            "alice@example.com", smtp.inbox("alice@example.com").getFirst()),
                    StandardCharsets.UTF_8);
            assertThat(raw).endsWith("\r\nSubject: chunks\r\n\r\n.first half, no dotsecond half\r\n");
            assertThat(raw).contains("with ESMTP id");
            assertThat(smtp.inbox("bob@example.com"))
                    .singleElement()
                    .satisfies(
                            m -> assertThat(smtp.subject("bob@example.com", m)).isEqualTo("second"));
            assertThat(smtp.inbox("carol@example.com")).isEmpty();
        }
    }

    @Test
    void theSizeLimitCountsAllChunks() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture(b -> b.maxMessageSize(40))) {
            ScriptRunner.run("bdat-size.txt", smtp.port());
            assertThat(smtp.inbox("alice@example.com"))
                    .singleElement()
                    .satisfies(m ->
                            assertThat(smtp.subject("alice@example.com", m)).isEqualTo("small"));
        }
    }

    @Test
    void dsnParametersAreCheckedAndWellFormedOnesAccepted() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture(b -> b.maxBadCommands(50))) {
            ScriptRunner.run("dsn.txt", smtp.port());
            assertThat(smtp.inbox("alice@example.com")).hasSize(1);
        }
    }

    @Test
    void utf8AddressesNeedSmtpUtf8AndReachTheirMailbox() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture()) {
            smtp.directory.addUser("jösé@example.com", SmtpFixture.PASSWORD);
            ScriptRunner.run("smtputf8.txt", smtp.port());

            String raw = new String(
                    smtp.raw("jösé@example.com", smtp.inbox("jösé@example.com").getFirst()), StandardCharsets.UTF_8);
            assertThat(raw)
                    .startsWith("Return-Path: <jöran@example.org>\r\nDelivered-To: jösé@example.com\r\n")
                    .contains("with UTF8SMTP id ")
                    .endsWith("Subject: grüße\r\n\r\nhallo\r\n");
        }
    }

    @Test
    void aClientThatTalksBeforeTheGreetingIsRefused() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture(b -> b.greetingDelay(Duration.ofMillis(500)))) {
            ScriptRunner.run("early-talker.txt", smtp.port());
            try (SmtpClient patient = new SmtpClient(smtp.port())) {
                assertThat(patient.reply()).startsWith("220 ");
                assertThat(patient.command("EHLO patient.example.org")).startsWith("250 ");
            }
        }
    }
}
