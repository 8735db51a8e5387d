/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server.internal;

import dev.mailcore.server.Protocol;
import dev.mailcore.server.internal.ConfigValues.Search;
import dev.mailcore.server.internal.ConfigValues.Store;
import dev.mailcore.server.internal.ConfigValues.UserPassword;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The launcher's flags: reads them, and the config file they name, into {@link LaunchSettings}. */
public final class CommandLine {
    private static final Set<String> VALUED =
            Set.of("config", "data-dir", "store", "search", "user", "domain", "hostname");
    private static final Set<String> SWITCHES = Set.of("allow-plaintext-auth", "verify-addresses", "help");

    private CommandLine() {}

    /** What the flags ask for: the usage text, or a server with these settings. */
    public record Parsed(boolean help, LaunchSettings settings) {}

    private record Flag(String name, String value) {}

    /**
     * Reads the flags; a config file named by {@code --config} applies first, whatever its position.
     *
     * @throws ConfigError on an unknown flag, a missing or bad value, or a bad config file
     */
    public static Parsed parse(String[] args) {
        List<Flag> flags = tokens(args);
        if (flags.stream().anyMatch(f -> f.name().equals("help"))) {
            return new Parsed(true, null);
        }
        LaunchSettings settings = new LaunchSettings();
        Optional<Flag> config =
                flags.stream().filter(f -> f.name().equals("config")).findFirst();
        if (config.isPresent()) {
            Path file = Path.of(config.get().value());
            settings.configFile = file;
            Path base = file.toAbsolutePath().getParent();
            settings.apply(ConfigFile.read(file), base);
        }
        for (Flag flag : flags) {
            apply(settings, flag);
        }
        return new Parsed(false, settings);
    }

    private static List<Flag> tokens(String[] args) {
        List<Flag> flags = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new ConfigError("unexpected argument \"" + arg + "\"; see --help");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            name = name.toLowerCase(Locale.ROOT);
            boolean valued = VALUED.contains(name) || Protocol.byKey(name).isPresent();
            if (!valued && !SWITCHES.contains(name)) {
                throw new ConfigError("unknown flag --" + name + "; see --help");
            }
            if (valued && value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new ConfigError("--" + name + " needs a value; see --help");
                }
                value = args[++i];
            } else if (!valued && value != null) {
                throw new ConfigError("--" + name + " takes no value");
            }
            if (!name.equals("user") && !seen.add(name)) {
                throw new ConfigError("--" + name + " is given twice");
            }
            flags.add(new Flag(name, value));
        }
        return flags;
    }

    private static void apply(LaunchSettings s, Flag flag) {
        String v = flag.value();
        try {
            Optional<Protocol> protocol = Protocol.byKey(flag.name());
            if (protocol.isPresent()) {
                s.listeners.put(protocol.get(), HostPort.parse(v));
                return;
            }
            switch (flag.name()) {
                case "config", "help" -> {}
                case "data-dir" -> s.dataDir = Path.of(v);
                case "store" -> {
                    Store store = Store.parse(v);
                    s.store = store.kind();
                    s.jdbcUrl = store.jdbcUrl();
                }
                case "search" -> s.search = Search.parse(v);
                case "user" -> {
                    UserPassword user = UserPassword.parse(v);
                    s.users.put(user.name(), user.password());
                }
                case "domain" -> s.domain = v;
                case "hostname" -> s.hostname = v;
                case "allow-plaintext-auth" -> s.allowPlaintextAuth = true;
                case "verify-addresses" -> s.verifyAddresses = true;
                default -> throw new ConfigError("unknown flag --" + flag.name());
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigError("--" + flag.name() + ": " + e.getMessage(), e);
        }
    }

    /** The text of {@code --help}. */
    public static String usage() {
        StringBuilder listeners = new StringBuilder();
        for (Protocol p : Protocol.values()) {
            listeners.append(String.format(
                    "  --%-22s a %s listener (port 0: any free port)%n", p.key() + " HOST:PORT", p.key()));
        }
        return """
                Usage: java -jar mailcore-server.jar [FLAGS]
                       java -jar mailcore-server.jar token create|list|revoke ... (bearer tokens; see docs/server.md)

                Starts a mail server. Flags override the config file. With no listener flag and none in the
                config file, IMAP listens on 127.0.0.1:1143 and SMTP on 127.0.0.1:2525.

                  --config FILE            a YAML config file (see docs/server.md)
                  --data-dir DIR           where H2, message files and the index live (default ./mailcore-data)
                  --store KIND             memory | h2 | postgres:JDBC_URL (default h2)
                  --search KIND            lucene | lucene-in-memory | scan (default lucene)
                %s  --user NAME:PASSWORD     a user (repeatable); NAME is an address or a login at --domain
                  --domain DOMAIN          the domain of bare logins (default localhost)
                  --hostname NAME          the name SMTP greets with (default localhost)
                  --allow-plaintext-auth   accept passwords over unencrypted connections from anywhere
                  --verify-addresses       let SMTP VRFY say whether a local address exists
                  --help                   this text

                With no user given, a user demo@DOMAIN is created with a generated password, printed at start.
                When every listener is bound, one line "mailcore ready PROTOCOL=HOST:PORT ..." is printed.
                Exit status 2 means bad flags or config.
                """.formatted(listeners);
    }
}
