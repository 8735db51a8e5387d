/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Resident memory of a server: VmRSS of the process and all its descendants (a server of several processes counts
 * whole), read from {@code /proc}.
 */
final class MemoryProbe {
    private final long pid;

    MemoryProbe(long pid) {
        this.pid = pid;
    }

    /** Kilobytes resident now, or -1 when the process is gone. */
    long residentKb() {
        ProcessHandle root = ProcessHandle.of(pid).orElse(null);
        if (root == null) {
            return -1;
        }
        return Stream.concat(Stream.of(root), root.descendants())
                .mapToLong(p -> vmRss(p.pid()))
                .filter(kb -> kb > 0)
                .sum();
    }

    private static long vmRss(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> l.replaceAll("[^0-9]", ""))
                    .mapToLong(Long::parseLong)
                    .findFirst()
                    .orElse(-1);
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }

    /** Samples {@link #residentKb()} on a daemon thread until stopped; keeps the peak. */
    static final class Sampler implements AutoCloseable {
        private final Thread thread;
        private volatile long peakKb = -1;
        private volatile boolean running = true;

        Sampler(MemoryProbe probe) {
            thread = Thread.ofPlatform().daemon().name("rss-sampler").start(() -> {
                while (running) {
                    peakKb = Math.max(peakKb, probe.residentKb());
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        long peakKb() {
            return peakKb;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join(5_000);
        }
    }
}
