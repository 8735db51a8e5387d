/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server;

import dev.mailcore.server.internal.CommandLine;
import dev.mailcore.server.internal.ConfigError;
import dev.mailcore.server.internal.DemoUser;
import dev.mailcore.server.internal.LaunchSettings;
import dev.mailcore.server.internal.TokenCommand;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone server: {@code java -jar mailcore-server.jar [FLAGS]}; {@code --help} lists the flags.
 *
 * <p>Prints one line {@code mailcore ready imap=127.0.0.1:1143 smtp=127.0.0.1:2525} when every listener is bound,
 * and closes cleanly on SIGTERM. Bad flags or config exit with status 2, a server that cannot start with 1.
 * {@code token create|list|revoke ...} manages bearer tokens instead (see {@link TokenCommand}).
 */
public final class Launcher {
    /** Exit status for bad flags or a bad config file. */
    public static final int BAD_CONFIG = 2;
    /** Exit status for a server that could not start (a port taken, a database unreachable). */
    public static final int CANNOT_START = 1;

    /**
     * Lucene tells through java.util.logging at every start that the JDK's incubating vector module is not enabled,
     * which an executable jar cannot enable; held here because the logging framework keeps loggers only weakly.
     */
    private static final java.util.logging.Logger LUCENE_VECTORIZATION =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    private Launcher() {}

    public static void main(String[] args) throws InterruptedException {
        quietLibraries();
        PrintStream out = System.out;
        PrintStream err = System.err;
        if (args.length > 0 && args[0].equals(TokenCommand.NAME)) {
            System.exit(TokenCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err));
            return;
        }
        CommandLine.Parsed parsed;
        MailServer server;
        try {
            parsed = CommandLine.parse(args);
            if (parsed.help()) {
                out.print(CommandLine.usage());
                return;
            }
            server = prepare(parsed.settings(), out);
        } catch (ConfigError | IllegalArgumentException | IllegalStateException e) {
            err.println("mailcore: " + e.getMessage());
            System.exit(BAD_CONFIG);
            return;
        }
        try {
            server.start();
        } catch (IllegalArgumentException e) {
            err.println("mailcore: " + e.getMessage());
            System.exit(BAD_CONFIG);
        } catch (RuntimeException e) {
            err.println("mailcore: cannot start: " + messageOf(e));
            System.exit(CANNOT_START);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            out.println("mailcore stopped");
                            out.flush();
                            stopped.countDown();
                        },
                        "mailcore-shutdown"));
        out.println(readyLine(server.ports().keySet().stream()
                .collect(java.util.stream.Collectors.toMap(
                        p -> p, server::boundAddress, (a, b) -> a, java.util.LinkedHashMap::new))));
        out.flush();
        stopped.await();
    }

    private static MailServer prepare(LaunchSettings settings, PrintStream out) {
        Optional<DemoUser> demo = DemoUser.provision(settings);
        MailServer server = settings.toBuilder().build();
        demo.ifPresent(user -> out.println("demo user: " + user.address() + " password: " + user.password()));
        return server;
    }

    /** {@code mailcore ready imap=127.0.0.1:1143 smtp=127.0.0.1:2525}, listeners in configuration order. */
    static String readyLine(Map<Protocol, InetSocketAddress> bound) {
        StringBuilder line = new StringBuilder("mailcore ready");
        bound.forEach((protocol, address) -> {
            String host = address.getAddress().getHostAddress();
            line.append(' ')
                    .append(protocol.key())
                    .append('=')
                    .append(host.contains(":") ? "[" + host + "]" : host)
                    .append(':')
                    .append(address.getPort());
        });
        return line.toString();
    }

    private static String messageOf(Throwable e) {
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            message.append(": ").append(cause.getMessage());
        }
        return message.toString();
    }

    /** The server's output is its own lines; libraries log warnings and errors only unless told otherwise. */
    private static void quietLibraries() {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.jooq.no-logo", "true");
        setIfAbsent("org.jooq.no-tips", "true");
        LUCENE_VECTORIZATION.setLevel(java.util.logging.Level.SEVERE);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
