/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks.harness;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's heap per idle connection: the live heap of a JVM server (after a full collection, read with {@code
 * jcmd PID GC.class_histogram}) before and after N connections that each LOGIN, SELECT INBOX and IDLE, then stay
 * open. The connections open a few at a time, within a time limit, and all close at the end. Both class histograms
 * are kept beside the report ({@code TARGET-idle-histogram-before.txt}, {@code -after.txt}).
 */
final class IdleConnectionsScenario {
    private static final Duration OPEN_LIMIT = Duration.ofMinutes(5);
    private static final Duration IO_TIMEOUT = Duration.ofSeconds(60);
    private static final int PARALLEL_OPENS = 16;
    private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)\\s*$");

    private final HarnessOptions options;
    private final long pid;

    IdleConnectionsScenario(HarnessOptions options) {
        this.options = options;
        this.pid = options.pid().orElseThrow();
    }

    void run(Report report) throws Exception {
        int count = options.idleConnections();
        // One connection first, so classes and caches that every session shares are counted in the baseline.
        List<Socket> sockets = Collections.synchronizedList(new ArrayList<>(count));
        sockets.add(open());
        long before = liveHeapBytes("before");
        long start = System.nanoTime();
        try {
            openAll(count, sockets);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.err.printf("%d connections in IDLE after %.1f s%n", sockets.size() - 1, seconds);
            long after = liveHeapBytes("after");
            int held = sockets.size() - 1;
            report.value("idleConnections", "connections held in IDLE", "connections", held);
            report.value("heapBefore", "server live heap before", "MB", before / 1e6);
            report.value("heapAfter", "server live heap with the connections", "MB", after / 1e6);
            report.value(
                    "heapPerIdleConnection", "server heap per idle connection", "KB", (after - before) / 1e3 / held);
            MemoryProbe probe = new MemoryProbe(pid);
            report.value("rssWithConnections", "server RSS with the connections", "MB", probe.residentKb() / 1024.0);
        } finally {
            for (Socket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // Closing anyway.
                }
            }
        }
    }

    private void openAll(int count, List<Socket> sockets) throws Exception {
        Semaphore permits = new Semaphore(PARALLEL_OPENS);
        long deadline = System.nanoTime() + OPEN_LIMIT.toNanos();
        List<Future<?>> opened = new ArrayList<>(count);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                if (!permits.tryAcquire(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    throw new IOException("could not open " + count + " connections within " + OPEN_LIMIT);
                }
                opened.add(executor.submit(() -> {
                    try {
                        sockets.add(open());
                        return null;
                    } finally {
                        permits.release();
                    }
                }));
            }
            for (Future<?> future : opened) {
                future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        }
    }

    /** One connection through LOGIN, SELECT INBOX and into IDLE; only the socket is kept. */
    private Socket open() throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) IO_TIMEOUT.toMillis());
            socket.connect(
                    new InetSocketAddress(
                            options.imap().address(), options.imap().port()),
                    (int) IO_TIMEOUT.toMillis());
            InputStream in = new BufferedInputStream(socket.getInputStream(), 2048);
            OutputStream out = socket.getOutputStream();
            readLine(in);
            out.write(("a LOGIN " + ImapConnection.quote(options.user()) + " "
                            + ImapConnection.quote(options.password()) + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            expectTagged(in, "a");
            out.write("b SELECT INBOX\r\n".getBytes(StandardCharsets.US_ASCII));
            expectTagged(in, "b");
            out.write("c IDLE\r\n".getBytes(StandardCharsets.US_ASCII));
            for (String line = readLine(in); !line.startsWith("+"); line = readLine(in)) {
                if (line.startsWith("c ")) {
                    throw new IOException("IDLE refused: " + line);
                }
            }
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static void expectTagged(InputStream in, String tag) throws IOException {
        for (String line = readLine(in); ; line = readLine(in)) {
            if (line.startsWith(tag + " ")) {
                if (!line.startsWith(tag + " OK")) {
                    throw new ImapException(line);
                }
                return;
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("server closed the connection");
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1).strip();
    }

    /**
     * Bytes of live objects after a full collection, from the class histogram's total line; for a server in this
     * JVM (the harness's own tests), the heap in use after {@link System#gc()}.
     */
    private long liveHeapBytes(String name) throws IOException, InterruptedException {
        if (pid == ProcessHandle.current().pid()) {
            System.gc();
            return java.lang.management.ManagementFactory.getMemoryMXBean()
                    .getHeapMemoryUsage()
                    .getUsed();
        }
        Files.createDirectories(options.outDir());
        // Kept beside the report: the difference per class says where the memory of a connection goes.
        Path histogram = options.outDir().resolve(options.target() + "-idle-histogram-" + name + ".txt");
        Process process = new ProcessBuilder(jcmd(), Long.toString(pid), "GC.class_histogram")
                .redirectErrorStream(true)
                .redirectOutput(histogram.toFile())
                .start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("jcmd " + pid + " GC.class_histogram did not finish within two minutes");
        }
        String output = Files.readString(histogram);
        if (process.exitValue() != 0) {
            throw new IOException("jcmd failed: " + output);
        }
        Matcher total = TOTAL.matcher(output);
        if (!total.find()) {
            throw new IOException("no total in the class histogram: " + output);
        }
        return Long.parseLong(total.group(2));
    }

    /** The jcmd beside the server's java, or the one on the PATH. */
    private String jcmd() {
        return ProcessHandle.of(pid)
                .flatMap(p -> p.info().command())
                .map(command -> Path.of(command).resolveSibling("jcmd"))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .orElse("jcmd");
    }
}
