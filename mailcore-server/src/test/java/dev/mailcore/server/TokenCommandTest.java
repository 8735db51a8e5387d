/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code token create|list|revoke} on the server's H2 store, and JMAP requests with the tokens it prints. */
class TokenCommandTest {
    private static final String USER = "alice@example.com";
    private static final String INSTANT = "\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z";

    @TempDir
    Path dir;

    @Test
    void aCreatedTokenAuthenticatesJmapUntilItIsRevoked() throws Exception {
        addUserByAFirstStart();
        String revoked = createToken();
        String kept = createToken();
        List<String> listed = token("list", USER);
        assertThat(listed).hasSize(2).allMatch(line -> line.matches("t[A-Za-z0-9_-]{12} " + INSTANT + " never"));
        // The list is oldest first, and both tokens may carry the same millisecond: revoke one by id, unknown which.
        token("revoke", listed.get(0).split(" ")[0]);
        assertThat(token("list", USER)).containsExactly(listed.get(1));

        try (LauncherProcess server = startServer()) {
            int http = LauncherProcess.ports(server.awaitLine("mailcore ready")).get("http");
            List<Integer> statuses = List.of(
                    JmapClient.bearer(http, revoked).sessionStatus(),
                    JmapClient.bearer(http, kept).sessionStatus());
            assertThat(statuses).containsExactlyInAnyOrder(200, 401);
            String working = statuses.get(0) == 200 ? revoked : kept;
            JmapClient client = JmapClient.bearer(http, working);
            assertThat(client.session().path("username").asString()).isEqualTo(USER);
            assertThat(client.call("[[\"Mailbox/get\", {\"accountId\": \"%1$s\", \"ids\": null}, \"m\"]]")
                            .get(0)
                            .get(1)
                            .path("list")
                            .size())
                    .isPositive();
            assertThat(JmapClient.bearer(http, "unknownTokenOfTheRightShape0123456789abcdefg")
                            .sessionStatus())
                    .isEqualTo(401);
            assertThat(JmapClient.http(http, USER, "pw").sessionStatus()).isEqualTo(200);
        }
    }

    @Test
    void aTokenCreatedWithALifetimeIsListedWithItsExpiryAndRefusedOnceItHasPassed() throws Exception {
        addUserByAFirstStart();
        String month = createToken("--expires", "30d");
        String brief = createToken("--expires=1s");
        // Oldest first: the month's token, then the brief one, which may have expired by now already.
        List<String> listed = token("list", USER);
        assertThat(listed)
                .hasSize(2)
                .allMatch(line -> line.matches("t[A-Za-z0-9_-]{12} " + INSTANT + " " + INSTANT + "( expired)?"));
        String[] monthLine = listed.get(0).split(" ");
        String[] briefLine = listed.get(1).split(" ");
        assertThat(monthLine).hasSize(3);
        assertThat(Duration.between(Instant.parse(monthLine[1]), Instant.parse(monthLine[2])))
                .isBetween(Duration.ofDays(30).minusMinutes(1), Duration.ofDays(30));
        Instant briefExpiry = Instant.parse(briefLine[2]);
        assertThat(Duration.between(Instant.parse(briefLine[1]), briefExpiry))
                .isBetween(Duration.ZERO, Duration.ofSeconds(1));
        awaitPast(briefExpiry);
        assertThat(token("list", USER))
                .containsExactly(
                        String.join(" ", monthLine),
                        String.join(" ", briefLine[0], briefLine[1], briefLine[2], "expired"));

        try (LauncherProcess server = startServer()) {
            int http = LauncherProcess.ports(server.awaitLine("mailcore ready")).get("http");
            assertThat(JmapClient.bearer(http, month).sessionStatus()).isEqualTo(200);
            assertThat(JmapClient.bearer(http, brief).sessionStatus()).isEqualTo(401);
            server.terminate();
            assertThat(server.awaitExit()).isEqualTo(143);
        }
        // The next token created takes the expired one away.
        createToken();
        List<String> after = token("list", USER);
        assertThat(after).hasSize(2).noneMatch(line -> line.startsWith(briefLine[0] + " "));
        assertThat(after).anyMatch(line -> line.endsWith(" never"));
    }

    @Test
    void badLifetimesAreRefusedWithStatusTwo() throws Exception {
        String data = dir.resolve("data").toString();
        List<List<String>> cases = List.of(
                List.of("create", USER, "--expires", "soon", "--data-dir", data),
                List.of("create", USER, "--expires", "30x", "--data-dir", data),
                List.of("create", USER, "--expires", "0", "--data-dir", data),
                List.of("create", USER, "--expires", "-5m", "--data-dir", data),
                List.of("create", USER, "--expires=P-1D", "--data-dir", data),
                List.of("create", USER, "--expires", "36501d", "--data-dir", data),
                List.of("create", USER, "--expires", "30d", "--expires", "1d", "--data-dir", data),
                List.of("create", USER, "--data-dir", data, "--expires"),
                List.of("list", USER, "--expires", "30d", "--data-dir", data));
        for (List<String> args : cases) {
            LauncherProcess command = run(args.toArray(String[]::new));
            assertThat(command.awaitExit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(command.stderr()).as(String.join(" ", args)).contains("mailcore: --expires");
            assertThat(command.stdoutLines()).as(String.join(" ", args)).isEmpty();
            if (args.contains("soon")) {
                assertThat(command.stderr()).contains("30d", "\"soon\"");
            }
        }
    }

    @Test
    void unknownUsersTokensAndAMemoryStoreAreRefusedWithStatusTwo() throws Exception {
        assertThat(run(
                                "create",
                                "nobody@example.com",
                                "--data-dir",
                                dir.resolve("data").toString())
                        .awaitExit())
                .isEqualTo(2);
        assertThat(run(
                                "revoke",
                                "tNoSuchToken",
                                "--data-dir",
                                dir.resolve("data").toString())
                        .awaitExit())
                .isEqualTo(2);
        LauncherProcess memory = run("create", USER, "--store", "memory");
        assertThat(memory.awaitExit()).isEqualTo(2);
        assertThat(memory.stderr()).contains("--store h2 or postgres");
        LauncherProcess unknown = run("rotate", USER);
        assertThat(unknown.awaitExit()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("create, list, revoke");
    }

    /** The first start puts the configured user into the H2 directory. */
    private void addUserByAFirstStart() throws Exception {
        try (LauncherProcess server = startServer()) {
            server.awaitLine("mailcore ready");
            server.terminate();
            assertThat(server.awaitExit()).isEqualTo(143);
        }
    }

    /** Waits until the wall clock, which the token command reads too, is past {@code instant}. */
    private static void awaitPast(Instant instant) throws InterruptedException {
        while (!Instant.now().isAfter(instant)) {
            Thread.sleep(Math.max(1, Duration.between(Instant.now(), instant).toMillis() + 1));
        }
    }

    private LauncherProcess startServer() throws Exception {
        return LauncherProcess.start(
                dir,
                "--data-dir",
                dir.resolve("data").toString(),
                "--search",
                "scan",
                "--user",
                USER + ":pw",
                "--http",
                "127.0.0.1:0");
    }

    private String createToken(String... flags) throws Exception {
        List<String> out = token("create", USER, flags);
        assertThat(out).singleElement().asString().matches("[A-Za-z0-9_-]{43}");
        return out.get(0);
    }

    /**
     * Runs {@code token ACTION SUBJECT FLAGS} on the data directory, expects status 0 and answers its stdout lines.
     */
    private List<String> token(String action, String subject, String... flags) throws Exception {
        List<String> args = new ArrayList<>(List.of(action, subject));
        args.addAll(List.of(flags));
        args.addAll(List.of("--data-dir", dir.resolve("data").toString()));
        LauncherProcess command = run(args.toArray(String[]::new));
        assertThat(command.awaitExit()).as(command.stderr()).isZero();
        return command.stdoutLines();
    }

    private LauncherProcess run(String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = "token";
        System.arraycopy(args, 0, all, 1, args.length);
        return LauncherProcess.start(dir, all);
    }
}
