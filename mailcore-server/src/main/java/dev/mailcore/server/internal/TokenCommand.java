/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server.internal;

import dev.mailcore.server.StoreKind;
import dev.mailcore.store.TokenInfo;
import dev.mailcore.store.sql.SqlDirectory;
import dev.mailcore.store.sql.SqlMetadataStore;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code mailcore-server.jar token create|list|revoke ...}: bearer tokens (API keys) of the users in the server's
 * own directory, which JMAP takes as {@code Authorization: Bearer} and IMAP and SMTP as OAUTHBEARER. It opens the
 * store the flags and config file name, does one thing and exits; an embedded H2 database admits one process, so
 * with H2 the server must be stopped meanwhile (PostgreSQL has no such limit).
 */
public final class TokenCommand {
    /** The first argument that selects this command instead of a server start. */
    public static final String NAME = "token";

    private TokenCommand() {}

    /**
     * Runs {@code args} (after {@code token}) and answers the exit status: 0 done, 1 the store could not be opened,
     * 2 bad arguments or an unknown user or token.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || args[0].startsWith("--") || args[1].startsWith("--")) {
            err.print(usage());
            return 2;
        }
        String action = args[0];
        String subject = args[1];
        if (!List.of("create", "list", "revoke").contains(action)) {
            err.println("mailcore: unknown token action \"" + action + "\"; one of create, list, revoke");
            return 2;
        }
        LaunchSettings settings;
        try {
            settings =
                    CommandLine.parse(Arrays.copyOfRange(args, 2, args.length)).settings();
        } catch (ConfigError e) {
            err.println("mailcore: " + e.getMessage());
            return 2;
        }
        if (settings == null || settings.store == StoreKind.MEMORY) {
            err.println("mailcore: tokens are kept in the store's database: use --store h2 or postgres:JDBC_URL");
            return 2;
        }
        SqlMetadataStore store;
        try {
            store = open(settings);
        } catch (RuntimeException e) {
            err.println("mailcore: cannot open the store (with H2, stop the server first): " + e.getMessage());
            return 1;
        }
        try (store) {
            return act(SqlDirectory.builder(store).build(), action, subject, out, err);
        } catch (IllegalStateException e) {
            err.println("mailcore: " + e.getMessage());
            return 2;
        }
    }

    private static int act(SqlDirectory directory, String action, String subject, PrintStream out, PrintStream err) {
        switch (action) {
            case "create" -> out.println(directory.createToken(subject));
            case "list" -> {
                if (directory.byLogin(subject).isEmpty()) {
                    err.println("mailcore: no user " + subject);
                    return 2;
                }
                for (TokenInfo token : directory.tokens(subject)) {
                    out.println(token.id() + " " + token.created());
                }
            }
            default -> {
                if (!directory.revokeTokenId(subject)) {
                    err.println("mailcore: no token " + subject);
                    return 2;
                }
            }
        }
        out.flush();
        return 0;
    }

    private static SqlMetadataStore open(LaunchSettings s) {
        String url = s.store == StoreKind.POSTGRES ? s.postgresUrl() : null;
        return Storage.sqlStore(s.store, s.dataDir, url, s.jdbcUser, s.jdbcPassword, s.databaseTimeout);
    }

    /** The text shown for a bad {@code token} command line. */
    public static String usage() {
        return """
                Usage: java -jar mailcore-server.jar token create LOGIN    [STORE FLAGS]   prints a new token
                       java -jar mailcore-server.jar token list LOGIN      [STORE FLAGS]   prints "ID CREATED" lines
                       java -jar mailcore-server.jar token revoke TOKEN-ID [STORE FLAGS]

                STORE FLAGS are the server's --config FILE, --data-dir DIR and --store h2|postgres:JDBC_URL.
                With H2, stop the server first: its database admits one process.
                """;
    }
}
