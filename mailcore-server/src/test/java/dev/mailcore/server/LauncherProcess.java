/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The launcher run as a child JVM on the test class path, as a user's script would run it. */
public final class LauncherProcess implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final List<String> stdoutSeen = new ArrayList<>();
    private final StringBuffer stderr = new StringBuffer();
    private final Thread outReader;
    private final Thread errReader;

    private LauncherProcess(Process process) {
        this.process = process;
        outReader = Thread.ofPlatform().daemon().start(() -> pump(process.inputReader(StandardCharsets.UTF_8), stdout));
        errReader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    stderr.append(line).append('\n');
                }
            } catch (IOException e) {
                stderr.append("(stderr read failed: ").append(e).append(")\n");
            }
        });
    }

    /** Starts the launcher with {@code args} in {@code workDir}, on this JVM's class path. */
    public static LauncherProcess start(Path workDir, String... args) throws IOException {
        return start(workDir, List.of(), args);
    }

    /** The same, with options for the child JVM such as a heap limit. */
    public static LauncherProcess start(Path workDir, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Launcher.class.getName());
        command.addAll(List.of(args));
        return new LauncherProcess(
                new ProcessBuilder(command).directory(workDir.toFile()).start());
    }

    /** Starts the runnable jar with {@code args} in {@code workDir}, exactly as a user runs it. */
    public static LauncherProcess startJar(Path jar, Path workDir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(List.of(args));
        return new LauncherProcess(
                new ProcessBuilder(command).directory(workDir.toFile()).start());
    }

    /** The ports of a {@code mailcore ready imap=127.0.0.1:1143 smtp=...} line, by protocol name. */
    public static Map<String, Integer> ports(String readyLine) {
        Map<String, Integer> ports = new HashMap<>();
        for (String pair : readyLine.substring("mailcore ready ".length()).split(" ")) {
            int eq = pair.indexOf('=');
            ports.put(pair.substring(0, eq), Integer.parseInt(pair.substring(pair.lastIndexOf(':') + 1)));
        }
        return ports;
    }

    private static void pump(BufferedReader in, BlockingQueue<String> lines) {
        try (in) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(stdout read failed: " + e + ")");
        }
    }

    /** The next stdout line starting with {@code prefix}, waiting up to a minute; earlier lines are kept. */
    public String awaitLine(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            String line = stdout.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                stdoutSeen.add(line);
                if (line.startsWith(prefix)) {
                    return line;
                }
            } else if (!process.isAlive() && stdout.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("no line starting \"" + prefix + "\"; stdout: " + stdoutSeen + " stderr: " + stderr);
    }

    /** Waits for the process to end and returns its exit status. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not exit; stderr: " + stderr);
        }
        outReader.join(5_000);
        errReader.join(5_000);
        stdout.drainTo(stdoutSeen);
        return process.exitValue();
    }

    /** Sends SIGTERM; through the handle, as {@code Process.destroy()} would also close the output pipes. */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** The stdout lines read so far. */
    public List<String> stdoutLines() {
        return stdoutSeen;
    }

    /** Everything the launcher wrote to stderr so far. */
    public String stderr() {
        return stderr.toString();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
