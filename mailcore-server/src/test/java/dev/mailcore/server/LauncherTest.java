/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class LauncherTest {
    private static final Pattern READY = Pattern.compile("mailcore ready( [a-z0-9]+=[0-9.]+:[0-9]+)+");
    private static final Pattern DEMO = Pattern.compile("demo user: (\\S+) password: (\\S+)");

    @TempDir
    Path dir;

    @Test
    void flagsStartAServerThatDeliversOverSmtpServesOverImapAndStopsOnSigterm() throws Exception {
        try (LauncherProcess launcher = LauncherProcess.start(
                dir,
                "--data-dir",
                dir.resolve("data").toString(),
                "--imap",
                "127.0.0.1:0",
                "--smtp",
                "127.0.0.1:0",
                "--domain",
                "example.com",
                "--user",
                "alice:s3cret")) {
            String ready = launcher.awaitLine("mailcore ready");
            assertThat(ready).matches(READY);
            Map<String, Integer> ports = LauncherProcess.ports(ready);
            assertThat(ports).containsOnlyKeys("imap", "smtp");

            MailClient.send("127.0.0.1", ports.get("smtp"), "alice@example.com", "Via the launcher");
            assertThat(MailClient.inboxSubjects("127.0.0.1", ports.get("imap"), "alice", "s3cret"))
                    .containsExactly("Via the launcher");

            launcher.terminate();
            assertThat(launcher.awaitExit()).isEqualTo(143);
            assertThat(launcher.stdoutLines()).contains("mailcore stopped");
            assertThat(launcher.stdoutLines().stream().filter(l -> l.startsWith("mailcore ready")))
                    .hasSize(1);
        }
    }

    @Test
    void pop3AndHttpFlagsServeTheDemoUserOverPop3AndJmap() throws Exception {
        try (LauncherProcess launcher = LauncherProcess.start(
                dir, "--store", "memory", "--smtp", "127.0.0.1:0", "--pop3", "127.0.0.1:0", "--http", "127.0.0.1:0")) {
            Matcher demo = DEMO.matcher(launcher.awaitLine("demo user:"));
            assertThat(demo.matches()).isTrue();
            String ready = launcher.awaitLine("mailcore ready");
            assertThat(ready)
                    .matches(
                            "mailcore ready pop3=127\\.0\\.0\\.1:\\d+ smtp=127\\.0\\.0\\.1:\\d+ http=127\\.0\\.0\\.1:\\d+");
            Map<String, Integer> ports = LauncherProcess.ports(ready);

            JsonNode session = JmapClient.http(ports.get("http"), demo.group(1), demo.group(2))
                    .session();
            assertThat(session.path("username").asString()).isEqualTo("demo@localhost");
            String accountId = session.path("primaryAccounts")
                    .path("urn:ietf:params:jmap:mail")
                    .asString();
            assertThat(session.path("accounts").path(accountId).path("name").asString())
                    .isEqualTo("demo@localhost");

            MailClient.send("127.0.0.1", ports.get("smtp"), "demo@localhost", "For POP3");
            assertThat(MailClient.pop3Subjects("127.0.0.1", ports.get("pop3"), "demo", demo.group(2)))
                    .containsExactly("For POP3");

            launcher.terminate();
            assertThat(launcher.awaitExit()).isEqualTo(143);
        }
    }

    @Test
    void theDemoUserKeepsItsPasswordAndMailAcrossRestarts() throws Exception {
        String password;
        try (LauncherProcess first = LauncherProcess.start(dir, "--imap", "127.0.0.1:0", "--smtp", "127.0.0.1:0")) {
            Matcher demo = DEMO.matcher(first.awaitLine("demo user:"));
            assertThat(demo.matches()).isTrue();
            assertThat(demo.group(1)).isEqualTo("demo@localhost");
            password = demo.group(2);
            Map<String, Integer> ports = LauncherProcess.ports(first.awaitLine("mailcore ready"));
            MailClient.send("127.0.0.1", ports.get("smtp"), "demo@localhost", "Kept");
            first.terminate();
            assertThat(first.awaitExit()).isEqualTo(143);
        }
        assertThat(dir.resolve("mailcore-data")).isDirectory();
        try (LauncherProcess second = LauncherProcess.start(dir, "--imap", "127.0.0.1:0", "--smtp", "127.0.0.1:0")) {
            assertThat(second.awaitLine("demo user:")).endsWith("password: " + password);
            Map<String, Integer> ports = LauncherProcess.ports(second.awaitLine("mailcore ready"));
            assertThat(MailClient.inboxSubjects("127.0.0.1", ports.get("imap"), "demo", password))
                    .containsExactly("Kept");
            second.terminate();
            assertThat(second.awaitExit()).isEqualTo(143);
        }
    }

    @Test
    void aConfigFileSetsEverythingAndFlagsOverrideIt() throws Exception {
        Path config = dir.resolve("mailcore.yaml");
        Files.writeString(config, """
                store:
                  type: memory
                search: scan
                domain: example.org
                verify-addresses: true
                users:
                  - name: erin
                    password: pw
                listeners:
                  imap: 127.0.0.1:0
                  smtp: 127.0.0.1:0
                  lmtp: 127.0.0.1:0
                  pop3: 127.0.0.1:0
                limits:
                  max-message-size: 1M
                  idle-timeout: 5m
                """);
        try (LauncherProcess launcher =
                LauncherProcess.start(dir, "--config", config.toString(), "--lmtp", "127.0.0.1:0")) {
            Map<String, Integer> ports = LauncherProcess.ports(launcher.awaitLine("mailcore ready"));
            assertThat(ports).containsOnlyKeys("imap", "pop3", "smtp", "lmtp");
            MailClient.send("127.0.0.1", ports.get("smtp"), "erin@example.org", "Configured");
            assertThat(MailClient.inboxSubjects("127.0.0.1", ports.get("imap"), "erin@example.org", "pw"))
                    .containsExactly("Configured");
            assertThat(MailClient.verify("127.0.0.1", ports.get("smtp"), "erin@example.org"))
                    .startsWith("250");
            assertThat(launcher.stdoutLines()).noneMatch(line -> line.startsWith("demo user"));
            launcher.terminate();
            assertThat(launcher.awaitExit()).isEqualTo(143);
        }
        assertThat(dir.resolve("mailcore-data")).doesNotExist();
    }

    @Test
    void anUnknownKeyInTheConfigFileIsNamedWithItsLineAndExitsWithTwo() throws Exception {
        Path config = dir.resolve("mailcore.yaml");
        Files.writeString(config, """
                domain: example.org
                limits:
                  max-message-size: 1M
                  max-mesage-count: 10
                """);
        try (LauncherProcess launcher = LauncherProcess.start(dir, "--config", config.toString())) {
            assertThat(launcher.awaitExit()).isEqualTo(2);
            assertThat(launcher.stderr())
                    .contains("mailcore.yaml line 4")
                    .contains("max-mesage-count")
                    .contains("max-message-size");
        }
    }

    @Test
    void anUnknownFlagExitsWithTwo() throws Exception {
        try (LauncherProcess launcher = LauncherProcess.start(dir, "--imap", "127.0.0.1:0", "--bogus")) {
            assertThat(launcher.awaitExit()).isEqualTo(2);
            assertThat(launcher.stderr()).contains("unknown flag --bogus");
        }
    }

    @Test
    void aBadListenerAddressExitsWithTwo() throws Exception {
        try (LauncherProcess launcher = LauncherProcess.start(dir, "--smtp", "localhost")) {
            assertThat(launcher.awaitExit()).isEqualTo(2);
            assertThat(launcher.stderr()).contains("--smtp").contains("HOST:PORT");
        }
    }

    @Test
    void helpListsEveryFlag() throws Exception {
        try (LauncherProcess launcher = LauncherProcess.start(dir, "--help")) {
            assertThat(launcher.awaitExit()).isZero();
            assertThat(String.join("\n", launcher.stdoutLines()))
                    .contains(
                            "--config",
                            "--data-dir",
                            "--store",
                            "--search",
                            "--imap",
                            "--imaps",
                            "--smtp",
                            "--submission",
                            "--lmtp",
                            "--pop3",
                            "--pop3s",
                            "--http",
                            "--https",
                            "--user",
                            "--domain",
                            "--allow-plaintext-auth",
                            "--verify-addresses")
                    .contains("\n  --https HOST:PORT", "\n  --user NAME:PASSWORD");
        }
    }
}
