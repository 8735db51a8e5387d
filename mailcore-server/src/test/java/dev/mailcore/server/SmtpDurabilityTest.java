/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SMTP answers 250 only once a message is durable: mail the server accepted is there after the process is killed
 * (SIGKILL, no shutdown) and started again on the same H2 data directory.
 */
class SmtpDurabilityTest {
    @TempDir
    Path dir;

    @Test
    void everyMessageAnswered250SurvivesAKilledProcess() throws Exception {
        List<String> sent = new ArrayList<>();
        try (LauncherProcess first =
                LauncherProcess.start(dir, "--search", "scan", "--smtp", "127.0.0.1:0", "--user", "alice:pw")) {
            int smtp = LauncherProcess.ports(first.awaitLine("mailcore ready")).get("smtp");
            for (int i = 0; i < 5; i++) {
                String subject = "Acknowledged " + i;
                MailClient.send("127.0.0.1", smtp, "alice@localhost", subject);
                sent.add(subject);
            }
            // close() kills the process forcibly, right after the last 250.
        }
        try (LauncherProcess second =
                LauncherProcess.start(dir, "--search", "scan", "--imap", "127.0.0.1:0", "--user", "alice:pw")) {
            Map<String, Integer> ports = LauncherProcess.ports(second.awaitLine("mailcore ready"));
            assertThat(MailClient.inboxSubjects("127.0.0.1", ports.get("imap"), "alice", "pw"))
                    .containsExactlyElementsOf(sent);
        }
    }
}
