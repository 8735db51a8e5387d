/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The command line of {@link Harness}.
 *
 * @param target name of the server under test; names the output files
 * @param imap IMAP endpoint
 * @param delivery SMTP or LMTP endpoint, if any; without it the delivery scenario is skipped
 * @param lmtp whether {@code delivery} speaks LMTP
 * @param user login name
 * @param password password
 * @param recipient envelope recipient that lands in the user's INBOX
 * @param messages how many messages the seeded INBOX holds
 * @param seed seed of the message generator
 * @param warmup unmeasured runs before each latency scenario
 * @param runs measured runs of each latency scenario
 * @param scenarioLimit time limit of each latency scenario (warm-up included)
 * @param clients concurrent clients of the mixed workload
 * @param mixedDuration how long the mixed workload runs
 * @param pid server process whose resident memory is sampled, if any
 * @param startCommand shell command that starts the server, for the start-time measurement only
 * @param startRuns how many times the server is started for that measurement
 * @param outDir where the JSON and Markdown results go
 * @param seedOnly whether to stop after seeding (a server can then index before it is measured)
 * @param ingest whether to run only the SMTP/LMTP ingest scenario ({@code --scenario ingest})
 * @param idleConnections how many IDLE connections the heap-per-connection scenario holds open ({@code --scenario
 *     idle-connections}), or 0 when that scenario is not run
 */
record HarnessOptions(
        String target,
        Endpoint imap,
        Optional<Endpoint> delivery,
        boolean lmtp,
        String user,
        String password,
        String recipient,
        int messages,
        long seed,
        int warmup,
        int runs,
        Duration scenarioLimit,
        int clients,
        Duration mixedDuration,
        OptionalLong pid,
        Optional<String> startCommand,
        int startRuns,
        Path outDir,
        boolean seedOnly,
        boolean ingest,
        int idleConnections) {

    static final String USAGE = """
            usage: Harness --imap 127.0.0.1:PORT --user USER --password PASSWORD [options]
              --target NAME          name of the server under test (default: server)
              --smtp 127.0.0.1:PORT  SMTP endpoint for the delivery scenario
              --lmtp 127.0.0.1:PORT  LMTP endpoint instead of SMTP
              --recipient ADDRESS    envelope recipient (default: USER, or USER@localhost)
              --messages N           messages in the seeded INBOX (default 10000)
              --seed S               generator seed (default 42)
              --warmup W --runs R    runs per latency scenario (default 20 / 100)
              --scenario-seconds S   time limit per latency scenario (default 120)
              --clients C --seconds T  mixed workload (default 8 clients, 30 s)
              --pid PID              sample the resident memory of this process and its children
              --start-command CMD    only measure start time to the IMAP greeting, CMD run by bash
              --start-runs K         starts for that measurement (default 3)
              --out DIR              output directory (default benchmarks/target/harness)
              --seed-only            only seed the INBOX, measure nothing
              --scenario ingest      only SMTP/LMTP ingest: --clients connections send 10 KB messages
                                     for --seconds, then the INBOX count is checked (no seeding)
              --scenario idle-connections  only server heap per idle connection: --connections (default
                                     10000) each LOGIN, SELECT INBOX and IDLE, held open; needs --pid of a
                                     JVM (heap read with jcmd after a full GC) and as many open files
            """;

    static HarnessOptions parse(String[] args) {
        String target = "server";
        Endpoint imap = null;
        Endpoint delivery = null;
        boolean lmtp = false;
        String user = null;
        String password = null;
        String recipient = null;
        int messages = 10_000;
        long seed = 42;
        int warmup = 20;
        int runs = 100;
        int scenarioSeconds = 120;
        int clients = 8;
        int seconds = 30;
        OptionalLong pid = OptionalLong.empty();
        String startCommand = null;
        int startRuns = 3;
        Path out = Path.of("benchmarks", "target", "harness");
        boolean seedOnly = false;
        boolean ingest = false;
        boolean idle = false;
        int connections = 10_000;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String flag = rest.remove(0);
            if (flag.equals("--seed-only")) {
                seedOnly = true;
                continue;
            }
            if (rest.isEmpty()) {
                throw new IllegalArgumentException("missing value after " + flag + "\n" + USAGE);
            }
            String value = rest.remove(0);
            switch (flag) {
                case "--target" -> target = value;
                case "--imap" -> imap = Endpoint.parse(value);
                case "--smtp" -> delivery = Endpoint.parse(value);
                case "--lmtp" -> {
                    delivery = Endpoint.parse(value);
                    lmtp = true;
                }
                case "--user" -> user = value;
                case "--password" -> password = value;
                case "--recipient" -> recipient = value;
                case "--messages" -> messages = positive(flag, value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--runs" -> runs = positive(flag, value);
                case "--scenario-seconds" -> scenarioSeconds = positive(flag, value);
                case "--clients" -> clients = positive(flag, value);
                case "--seconds" -> seconds = positive(flag, value);
                case "--pid" -> pid = OptionalLong.of(Long.parseLong(value));
                case "--start-command" -> startCommand = value;
                case "--start-runs" -> startRuns = positive(flag, value);
                case "--out" -> out = Path.of(value);
                case "--connections" -> connections = positive(flag, value);
                case "--scenario" -> {
                    switch (value) {
                        case "ingest" -> ingest = true;
                        case "idle-connections" -> idle = true;
                        default -> throw new IllegalArgumentException("unknown scenario " + value + "\n" + USAGE);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + flag + "\n" + USAGE);
            }
        }
        if (imap == null) {
            throw new IllegalArgumentException("--imap is required\n" + USAGE);
        }
        if (startCommand == null && (user == null || password == null)) {
            throw new IllegalArgumentException("--user and --password are required\n" + USAGE);
        }
        if (ingest && delivery == null) {
            throw new IllegalArgumentException("--scenario ingest needs --smtp or --lmtp\n" + USAGE);
        }
        if (idle && pid.isEmpty()) {
            throw new IllegalArgumentException("--scenario idle-connections needs --pid\n" + USAGE);
        }
        if (recipient == null && user != null) {
            recipient = user.contains("@") ? user : user + "@localhost";
        }
        return new HarnessOptions(
                target,
                imap,
                Optional.ofNullable(delivery),
                lmtp,
                user,
                password,
                recipient,
                messages,
                seed,
                warmup,
                runs,
                Duration.ofSeconds(scenarioSeconds),
                clients,
                Duration.ofSeconds(seconds),
                pid,
                Optional.ofNullable(startCommand),
                startRuns,
                out,
                seedOnly,
                ingest,
                idle ? connections : 0);
    }

    private static int positive(String flag, String value) {
        int n = Integer.parseInt(value);
        if (n < 1) {
            throw new IllegalArgumentException(flag + " must be at least 1");
        }
        return n;
    }
}
