/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting and closing a server gives back every thread, file handle and port it took. */
class LifecycleTest {
    private static final Path FDS = Path.of("/proc/self/fd");
    // IMAP first and HTTPS last: the cycles below check those two ports by position.
    private static final List<Protocol> LISTENERS = List.of(
            Protocol.IMAP,
            Protocol.IMAPS,
            Protocol.POP3,
            Protocol.POP3S,
            Protocol.SMTP,
            Protocol.SUBMISSION,
            Protocol.HTTP,
            Protocol.HTTPS);

    @TempDir
    Path data;

    @Test
    void aHundredStartsAndClosesOnMemoryLeakNoThreadsNoFilesAndReBindTheSamePorts() throws Exception {
        int[] ports;
        try (MailServer first = memoryServer(new int[LISTENERS.size()]).start()) {
            ports = LISTENERS.stream()
                    .mapToInt(p -> first.boundAddress(p).getPort())
                    .toArray();
        }
        assertNoLeaks(() -> {
            for (int i = 0; i < 100; i++) {
                try (MailServer server = memoryServer(ports).start()) {
                    assertThat(server.boundAddress(Protocol.IMAP).getPort()).isEqualTo(ports[0]);
                    assertThat(server.boundAddress(Protocol.HTTPS).getPort()).isEqualTo(ports[ports.length - 1]);
                }
            }
            return null;
        });
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port)) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void tenStartsAndClosesOnH2AndLuceneLeakNothingAndReleaseTheDatabase() throws Exception {
        try (MailServer warmUp = h2Server().start()) {
            assertThat(warmUp.ports()).hasSize(4);
        }
        assertNoLeaks(() -> {
            for (int i = 0; i < 10; i++) {
                // Reopening proves the previous close released H2's file lock and Lucene's write lock.
                try (MailServer server = h2Server().start()) {
                    assertThat(server.ports()).hasSize(4);
                }
            }
            return null;
        });
    }

    private static MailServer memoryServer(int[] ports) {
        MailServer.Builder b = MailServer.builder();
        for (int i = 0; i < ports.length; i++) {
            b.listen(LISTENERS.get(i), "127.0.0.1", ports[i]);
        }
        return b.build();
    }

    private MailServer h2Server() {
        return MailServer.builder()
                .store(StoreKind.H2)
                .dataDirectory(data)
                .imap("127.0.0.1", 0)
                .smtp("127.0.0.1", 0)
                .pop3("127.0.0.1", 0)
                .http("127.0.0.1", 0)
                .build();
    }

    private static void assertNoLeaks(Supplier<Void> work) throws Exception {
        // One round first: classes load, and JDK-wide threads (cleaners, timers) start once per JVM.
        Set<Thread> before = liveThreads();
        long fdsBefore = openFiles();
        work.get();
        await().pollInSameThread()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(names(newThreads(before))).isEmpty());
        if (fdsBefore >= 0) {
            // A few descriptors may come and go with the JVM's own work (class files, the test's sockets).
            await().pollInSameThread()
                    .atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(openFiles()).isLessThanOrEqualTo(fdsBefore + 5));
        }
    }

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .collect(Collectors.toSet());
    }

    private static Set<Thread> newThreads(Set<Thread> before) {
        return liveThreads().stream()
                .filter(t -> !before.contains(t))
                // The JDK's shared pools outlive any one user of them.
                .filter(t -> !t.getName().startsWith("ForkJoinPool.commonPool"))
                .filter(t -> !t.getName().startsWith("InnocuousThread"))
                .collect(Collectors.toSet());
    }

    private static Set<String> names(Set<Thread> threads) {
        return threads.stream().map(Thread::getName).collect(Collectors.toSet());
    }

    private static long openFiles() throws IOException {
        if (!Files.isDirectory(FDS)) {
            return -1;
        }
        try (Stream<Path> fds = Files.list(FDS)) {
            return fds.count();
        }
    }
}
