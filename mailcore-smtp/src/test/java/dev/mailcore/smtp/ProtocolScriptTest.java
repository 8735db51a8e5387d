/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.net.ScriptRunner;
import org.junit.jupiter.api.Test;

class ProtocolScriptTest {
    @Test
    void pipelinedTransactionsAreDeliveredWithDotsUnstuffed() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture()) {
            ScriptRunner.run("pipelining.txt", smtp.port());

            assertThat(smtp.inbox("alice@example.com")).hasSize(1);
            // sales@ is bob's alias, and the second transaction was for bob.
            assertThat(smtp.inbox("bob@example.com")).hasSize(2);
            String raw = new String(smtp.raw(
                    "alice@example.com", smtp.inbox("alice@example.com").getFirst()));
            assertThat(raw)
                    .startsWith("Return-Path: <sender@example.org>\r\nDelivered-To: alice@example.com\r\n"
                            + "Received: from client.example.org ([127.0.0.1])")
                    .endsWith("\r\nSubject: pipelined\r\n\r\n.a line that starts with a dot\r\n");
        }
    }

    @Test
    void everyErrorPathHasItsReplyAndLeavesTheConnectionUsable() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture(b -> b.maxBadCommands(50))) {
            ScriptRunner.run("errors.txt", smtp.port());
            assertThat(smtp.inbox("alice@example.com")).isEmpty();
        }
    }

    @Test
    void recipientsBeyondTheLimitAreRefused() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture(b -> b.maxRecipients(2))) {
            ScriptRunner.run("too-many-recipients.txt", smtp.port());
        }
    }

    @Test
    void aMessageOverTheSizeLimitIsRefusedAndNotStored() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture(b -> b.maxMessageSize(100))) {
            ScriptRunner.run("size-exceeded.txt", smtp.port());
            assertThat(smtp.inbox("alice@example.com"))
                    .singleElement()
                    .satisfies(m ->
                            assertThat(smtp.subject("alice@example.com", m)).isEqualTo("small"));
        }
    }

    @Test
    void lmtpAnswersEachRecipientAfterData() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture(b -> b.mode(SmtpMode.LMTP))) {
            ScriptRunner.run("lmtp.txt", smtp.port());
            assertThat(smtp.inbox("alice@example.com")).hasSize(1);
            assertThat(smtp.inbox("bob@example.com")).hasSize(1);
            assertThat(smtp.inbox("carol@example.com")).isEmpty();
        }
    }

    @Test
    void submissionRequiresAuthenticationAndRefusesRemoteRecipients() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture(b -> b.mode(SmtpMode.SUBMISSION))) {
            ScriptRunner.run("submission.txt", smtp.port());
            String raw = new String(
                    smtp.raw("bob@example.com", smtp.inbox("bob@example.com").getFirst()));
            assertThat(raw).contains("with ESMTPA id ");
        }
    }

    @Test
    void tooManyBadCommandsCloseTheConnection() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture(b -> b.maxBadCommands(3))) {
            ScriptRunner.run("bad-commands.txt", smtp.port());
        }
    }

    @Test
    void aFullMailboxIsATemporaryFailureAndAMessageLargerThanTheQuotaAPermanentOne() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture()) {
            ScriptRunner.run("quota.txt", smtp.port());
            assertThat(smtp.inbox("dave@example.com"))
                    .singleElement()
                    .satisfies(
                            m -> assertThat(smtp.subject("dave@example.com", m)).isEqualTo("fits"));
        }
    }

    @Test
    void vrfyIsAnsweredFromTheDirectoryOnlyWhenTurnedOn() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture(b -> b.verifyAddresses(true))) {
            ScriptRunner.run("vrfy.txt", smtp.port());
        }
    }
}
