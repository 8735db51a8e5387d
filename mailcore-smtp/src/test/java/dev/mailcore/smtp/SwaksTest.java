/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mailcore.store.memory.MemoryOutboundQueue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The swaks command-line client against the server; skipped where swaks is not installed. */
class SwaksTest {
    private static final Path SWAKS = Path.of("/usr/bin/swaks");

    @BeforeAll
    static void needsSwaks() {
        assumeTrue(Files.isExecutable(SWAKS), "swaks is not installed");
    }

    private record Run(int exitCode, String transcript) {}

    private static Run swaks(int port, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                SWAKS.toString(), "--server", "127.0.0.1", "--port", Integer.toString(port), "--timeout", "20"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String transcript = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), transcript);
    }

    @Test
    void aPlainMessageIsDelivered() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture()) {
            Run run = swaks(
                    smtp.port(),
                    "--from",
                    "sender@example.org",
                    "--to",
                    "alice@example.com,bob@example.com",
                    "--header",
                    "Subject: from swaks");
            assertThat(run.exitCode()).as(run.transcript()).isZero();
            assertThat(smtp.inbox("alice@example.com"))
                    .singleElement()
                    .satisfies(m ->
                            assertThat(smtp.subject("alice@example.com", m)).isEqualTo("from swaks"));
            assertThat(smtp.inbox("bob@example.com")).hasSize(1);
        }
    }

    @Test
    void aPipelinedTransactionIsDelivered() throws Exception {
        try (SmtpFixture smtp = new SmtpFixture()) {
            Run run = swaks(
                    smtp.port(),
                    "--pipeline",
                    "--from",
                    "sender@example.org",
                    "--to",
                    "alice@example.com",
                    "--header",
                    "Subject: pipelined swaks");
            assertThat(run.exitCode()).as(run.transcript()).isZero();
            assertThat(run.transcript()).contains("PIPELINING");
            assertThat(smtp.inbox("alice@example.com")).hasSize(1);
        }
    }

    @Test
    void authenticatedRelayLandsInTheQueueAndUnauthenticatedIsRefused() throws Exception {
        MemoryOutboundQueue queue = new MemoryOutboundQueue();
        try (SmtpFixture smtp = new SmtpFixture(b -> b.mode(SmtpMode.SUBMISSION).outboundQueue(queue))) {
            Run refused = swaks(smtp.port(), "--from", "alice@example.com", "--to", "friend@elsewhere.org");
            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.transcript()).contains("530 5.7.0");

            Run relayed = swaks(
                    smtp.port(),
                    "--from",
                    "alice@example.com",
                    "--to",
                    "friend@elsewhere.org",
                    "--auth",
                    "PLAIN",
                    "--auth-user",
                    "alice@example.com",
                    "--auth-password",
                    SmtpFixture.PASSWORD);
            assertThat(relayed.exitCode()).as(relayed.transcript()).isZero();
            assertThat(queue.list(10))
                    .singleElement()
                    .satisfies(
                            q -> assertThat(q.envelope().recipients().getFirst().address())
                                    .isEqualTo("friend@elsewhere.org"));
        }
    }
}
