/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code token create|list|revoke} on the server's H2 store, and JMAP requests with the tokens it prints. */
class TokenCommandTest {
    private static final String USER = "alice@example.com";

    @TempDir
    Path dir;

    @Test
    void aCreatedTokenAuthenticatesJmapUntilItIsRevoked() throws Exception {
        // The first start puts the configured user into the H2 directory.
        try (LauncherProcess server = startServer()) {
            server.awaitLine("mailcore ready");
            server.terminate();
            assertThat(server.awaitExit()).isEqualTo(143);
        }
        String revoked = createToken();
        String kept = createToken();
        List<String> listed = token("list", USER);
        assertThat(listed).hasSize(2).allMatch(line -> line.matches("t[A-Za-z0-9_-]{12} \\d{4}-\\d\\d-\\d\\dT.*Z"));
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

    private String createToken() throws Exception {
        List<String> out = token("create", USER);
        assertThat(out).singleElement().asString().matches("[A-Za-z0-9_-]{43}");
        return out.get(0);
    }

    /** Runs {@code token ACTION SUBJECT} on the data directory, expects status 0 and answers its stdout lines. */
    private List<String> token(String action, String subject) throws Exception {
        LauncherProcess command =
                run(action, subject, "--data-dir", dir.resolve("data").toString());
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
