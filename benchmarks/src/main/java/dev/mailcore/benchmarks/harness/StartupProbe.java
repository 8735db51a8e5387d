/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks.harness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Starts a server with a shell command, measures the time until its IMAP port sends a greeting, and stops it
 * again. The command must keep the server in the foreground (no daemonizing) so that stopping its process tree stops
 * the server.
 */
final class StartupProbe {
    private static final Duration START_LIMIT = Duration.ofSeconds(120);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(30);

    private final String command;
    private final Endpoint imap;
    private final Path log;

    StartupProbe(String command, Endpoint imap, Path log) {
        this.command = command;
        this.imap = imap;
        this.log = log;
    }

    /** Starts and stops the server {@code runs} times; the time of each start, in nanoseconds. */
    long[] measure(int runs) throws IOException, InterruptedException {
        if (greets()) {
            throw new IllegalStateException(imap + " already answers: stop that server before measuring start time");
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            nanos[i] = startOnce();
        }
        return nanos;
    }

    private long startOnce() throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder("bash", "-c", command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            long deadline = start + START_LIMIT.toNanos();
            while (!greets()) {
                if (!process.isAlive()) {
                    throw new IOException(
                            "the server exited with " + process.exitValue() + " before greeting; see " + log);
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("no IMAP greeting within " + START_LIMIT + "; see " + log);
                }
                Thread.sleep(10);
            }
            return System.nanoTime() - start;
        } finally {
            stop(process);
        }
    }

    private void stop(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        }
        long deadline = System.nanoTime() + STOP_LIMIT.toNanos();
        while (greets() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Whether the IMAP port accepts a connection and sends an OK greeting. */
    private boolean greets() {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(5_000);
            socket.connect(new InetSocketAddress(imap.address(), imap.port()), 1_000);
            byte[] first = socket.getInputStream().readNBytes(4);
            return new String(first, StandardCharsets.US_ASCII).equals("* OK");
        } catch (IOException e) {
            return false;
        }
    }
}
