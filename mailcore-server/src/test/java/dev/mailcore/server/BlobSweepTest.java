/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailcore.api.BlobId;
import dev.mailcore.server.internal.CommandLine;
import dev.mailcore.store.FileBlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server sweeps message files no email names, on a schedule of its own, and stops doing so on close. */
class BlobSweepTest {
    private static final String SWEEP_THREAD = "mailcore-blob-sweep";

    @TempDir
    Path dir;

    @Test
    void aScheduledSweepDeletesAnOldOrphanKeepsWhatMailNamesAndStopsOnClose() throws Exception {
        Path data = dir.resolve("data");
        try (MailServer server = h2(data).smtp("127.0.0.1", 0).build().start()) {
            MailClient.send("127.0.0.1", server.boundAddress(Protocol.SMTP).getPort(), "alice@localhost", "Kept");
        }
        BlobId orphan;
        try (FileBlobStore blobs = FileBlobStore.open(data.resolve("blobs"))) {
            orphan = blobs.put(new ByteArrayInputStream("nobody names me".getBytes(StandardCharsets.US_ASCII)));
        }
        // Two hours old, like every other file: past the hour an append in progress is given.
        ageEveryBlob(data.resolve("blobs"), Duration.ofHours(2));
        List<String> before = blobNames(data);
        assertThat(before).contains(orphan.value()).hasSize(2);

        MailServer server = h2(data).imap("127.0.0.1", 0)
                .blobSweepInterval(Duration.ofMillis(200))
                .build()
                .start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> !blobNames(data).contains(orphan.value()));
            assertThat(blobNames(data)).hasSize(1);
            assertThat(MailClient.inboxSubjects(
                            "127.0.0.1", server.boundAddress(Protocol.IMAP).getPort(), "alice", "pw"))
                    .containsExactly("Kept");
            assertThat(sweepThreads()).isNotEmpty();
        } finally {
            server.close();
        }
        // The thread ends just after the schedule reports itself terminated.
        await().atMost(Duration.ofSeconds(10)).until(() -> sweepThreads().isEmpty());
    }

    @Test
    @SuppressWarnings("try") // the servers run for the sake of their threads
    void theConfigFileSetsTheIntervalOrTurnsTheSweepOff() throws Exception {
        try (MailServer server = fromConfig("store:\n  type: h2\n  blob-sweep-interval: 10m\n")) {
            assertThat(sweepThreads()).isNotEmpty();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> sweepThreads().isEmpty());
        try (MailServer server = fromConfig("store:\n  type: h2\n  blob-sweep-interval: off\n")) {
            assertThat(sweepThreads()).isEmpty();
        }
    }

    private MailServer fromConfig(String yaml) throws IOException {
        Path file = dir.resolve("mailcore.yaml");
        Files.writeString(file, "data-dir: data\nsearch: scan\nlisteners:\n  imap: 127.0.0.1:0\n" + yaml);
        return CommandLine.parse(new String[] {"--config", file.toString()}).settings().toBuilder()
                .build()
                .start();
    }

    private static MailServer.Builder h2(Path data) {
        return MailServer.builder()
                .store(StoreKind.H2)
                .search(SearchKind.SCAN)
                .dataDirectory(data)
                .user("alice", "pw");
    }

    private static void ageEveryBlob(Path blobs, Duration age) throws IOException {
        FileTime old = FileTime.from(Instant.now().minus(age));
        try (Stream<Path> files = Files.walk(blobs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, old);
            }
        }
    }

    /** The content files under the data directory, by name (the blob id). */
    private static List<String> blobNames(Path data) throws IOException {
        try (Stream<Path> files = Files.walk(data.resolve("blobs"))) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .toList();
        }
    }

    private static List<Thread> sweepThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> t.getName().equals(SWEEP_THREAD))
                .toList();
    }
}
