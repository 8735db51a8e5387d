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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code mailcore-server.jar token create|list|revoke ...}: bearer tokens (API keys) of the users in the server's
 * own directory, which JMAP takes as {@code Authorization: Bearer} and IMAP and SMTP as OAUTHBEARER. It opens the
 * store the flags and config file name, does one thing and exits; an embedded H2 database admits one process, so
 * with H2 the server must be stopped meanwhile (PostgreSQL has no such limit). {@code create} takes
 * {@code --expires LIFETIME} (a {@link ConfigValues#duration}) for a token that is refused once it has passed.
 */
public final class TokenCommand {
    /** The first argument that selects this command instead of a server start. */
    public static final String NAME = "token";

    private static final String EXPIRES = "--expires";
    /** Past this an expiry would not fit the store's milliseconds; a token that long should not expire at all. */
    private static final Duration LONGEST = Duration.ofDays(36_500);

    private TokenCommand() {}

    /**
     * Runs {@code args} (after {@code token}) and answers the exit status: 0 done, 1 the store could not be opened,
     * 2 bad arguments (a bad {@code --expires} among them) or an unknown user or token.
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
        Options options;
        try {
            options = Options.parse(action, Arrays.copyOfRange(args, 2, args.length));
            settings = CommandLine.parse(options.storeFlags()).settings();
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
        Clock clock = Clock.systemUTC();
        try (store) {
            SqlDirectory directory = SqlDirectory.builder(store).clock(clock).build();
            return act(directory, clock.instant(), action, subject, options.lifetime(), out, err);
        } catch (IllegalStateException e) {
            err.println("mailcore: " + e.getMessage());
            return 2;
        }
    }

    private static int act(
            SqlDirectory directory,
            Instant now,
            String action,
            String subject,
            Optional<Duration> lifetime,
            PrintStream out,
            PrintStream err) {
        switch (action) {
            case "create" -> out.println(directory.createToken(subject, lifetime.map(now::plus)));
            case "list" -> {
                if (directory.byLogin(subject).isEmpty()) {
                    err.println("mailcore: no user " + subject);
                    return 2;
                }
                for (TokenInfo token : directory.tokens(subject)) {
                    out.println(line(token, now));
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

    /** {@code ID CREATED EXPIRES}, EXPIRES being {@code never} or an instant, and {@code expired} once it is past. */
    private static String line(TokenInfo token, Instant now) {
        String expires = token.expires().map(Instant::toString).orElse("never");
        return token.id() + " " + token.created() + " " + expires + (token.isExpiredAt(now) ? " expired" : "");
    }

    /** The flags after the subject: {@code --expires} of {@code create}, and the server's store flags. */
    private record Options(Optional<Duration> lifetime, String[] storeFlags) {
        static Options parse(String action, String[] args) {
            Optional<Duration> lifetime = Optional.empty();
            List<String> store = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String lower = arg.toLowerCase(Locale.ROOT);
                if (!lower.equals(EXPIRES) && !lower.startsWith(EXPIRES + "=")) {
                    store.add(arg);
                    continue;
                }
                if (!action.equals("create")) {
                    throw new ConfigError(EXPIRES + " belongs to token create");
                }
                if (lifetime.isPresent()) {
                    throw new ConfigError(EXPIRES + " is given twice");
                }
                String value;
                if (arg.length() > EXPIRES.length()) {
                    value = arg.substring(EXPIRES.length() + 1);
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    value = args[++i];
                } else {
                    throw new ConfigError(EXPIRES + " needs a lifetime such as 30d, 12h, 90m or P30D");
                }
                lifetime = Optional.of(lifetime(value));
            }
            return new Options(lifetime, store.toArray(String[]::new));
        }

        private static Duration lifetime(String value) {
            Duration lifetime;
            try {
                lifetime = ConfigValues.duration(value);
            } catch (IllegalArgumentException e) {
                throw new ConfigError(EXPIRES + ": " + e.getMessage(), e);
            }
            if (lifetime.compareTo(LONGEST) > 0) {
                throw new ConfigError(EXPIRES + ": at most " + LONGEST.toDays() + "d; leave it out for a token that"
                        + " does not expire");
            }
            return lifetime;
        }
    }

    private static SqlMetadataStore open(LaunchSettings s) {
        String url = s.store == StoreKind.POSTGRES ? s.postgresUrl() : null;
        return Storage.sqlStore(s.store, s.dataDir, url, s.jdbcUser, s.jdbcPassword, s.databaseTimeout);
    }

    /** The text shown for a bad {@code token} command line. */
    public static String usage() {
        return """
                Usage: java -jar mailcore-server.jar token create LOGIN [--expires LIFETIME] [STORE FLAGS]
                           prints a new token; with --expires it is refused after LIFETIME (30d, 12h, 90m, P30D)
                       java -jar mailcore-server.jar token list LOGIN [STORE FLAGS]
                           prints "ID CREATED EXPIRES" lines: EXPIRES is "never" or an instant, then "expired"
                           once it has passed (expired tokens go when the next one is created)
                       java -jar mailcore-server.jar token revoke TOKEN-ID [STORE FLAGS]

                STORE FLAGS are the server's --config FILE, --data-dir DIR and --store h2|postgres:JDBC_URL.
                With H2, stop the server first: its database admits one process.
                """;
    }
}
