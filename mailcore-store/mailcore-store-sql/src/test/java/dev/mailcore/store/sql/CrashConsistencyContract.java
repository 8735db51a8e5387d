/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.BlobId;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.MessageMeta;
import dev.mailcore.api.UidSet;
import dev.mailcore.api.spi.EmailRecord;
import dev.mailcore.api.spi.StoredBlob;
import dev.mailcore.store.BlobSweeper;
import dev.mailcore.store.FileBlobStore;
import dev.mailcore.store.MailEngine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that appends through the engine to a SQL database and a file blob store with SIGKILL at random moments,
 * twenty times over the same data directory, and after each kill checks what a user would see when the server starts
 * again: every append that returned is there, byte for byte, under a UID above all earlier ones; no email names a
 * missing blob; and after an orphan sweep every blob left is referenced.
 */
abstract class CrashConsistencyContract {
    /** The arguments after the seed that tell {@link CrashingAppender} which database to use. */
    abstract List<String> databaseArguments(Path dataDir);

    /** The database the killed processes wrote, opened in this process after a kill. */
    abstract SqlMetadataStore openDatabase(Path dataDir);

    /** Another seed ({@code -Dmailcore.crash.seed=...}) kills at other moments. */
    private static final long SEED = Long.getLong("mailcore.crash.seed", 0x5EED_C0DEL);

    private static final int RUNS = 20;
    /** Enough appends that the kill lands among appends, not during start-up. */
    private static final int APPENDS_BEFORE_KILL = 3;
    /**
     * Runs start until this much time has passed (each normally takes a second or two); the first
     * {@link #MIN_RUNS} always run, so a slow, shared machine still kills the writer several times.
     */
    private static final Duration BUDGET = Duration.ofSeconds(Long.getLong("mailcore.crash.budget-seconds", 50));

    private static final int MIN_RUNS = 3;

    @TempDir
    Path dataDir;

    /** What the killed processes reported, over all runs. */
    private final Map<Long, String> appended = new HashMap<>();

    private final Set<Long> removed = new HashSet<>();
    /** Removals that started but were not reported done: the message may or may not be there. */
    private final Set<Long> removing = new HashSet<>();
    /** Per run, the highest UID reported; a later run's appends must lie above it. */
    private final List<Long> highestReported = new ArrayList<>();

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void everyReturnedAppendSurvivesSigkillAndNoBlobIsLeftBehind() throws Exception {
        Random random = new Random(SEED);
        long deadline = System.nanoTime() + BUDGET.toNanos();
        int runs = 0;
        while (runs < RUNS && (runs < MIN_RUNS || System.nanoTime() < deadline)) {
            List<String> lines = runAndKill(runs, random);
            record(runs, lines);
            verifyAfterCrash(runs);
            runs++;
        }
        assertThat(appended)
                .as("appends reported over all runs")
                .hasSizeGreaterThanOrEqualTo(runs * APPENDS_BEFORE_KILL);
    }

    private List<String> runAndKill(int run, Random random) throws Exception {
        Path stderr = dataDir.resolve("child-" + run + ".err");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                CrashingAppender.class.getName(),
                dataDir.toString(),
                Integer.toString(run),
                Long.toString(random.nextLong())));
        command.addAll(databaseArguments(dataDir));
        Process child =
                new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader =
                Thread.ofPlatform().name("crash-child-stdout").start(() -> readLines(child.getInputStream(), lines));
        long killDelayMillis = 50 + random.nextInt(351);
        try {
            long waitUntil = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (appendCount(lines) < APPENDS_BEFORE_KILL && child.isAlive() && System.nanoTime() < waitUntil) {
                Thread.sleep(5);
            }
            assertThat(child.isAlive())
                    .as("run %d: the appending process is alive (stderr: %s)", run, errors(stderr))
                    .isTrue();
            assertThat(appendCount(lines))
                    .as("run %d: appends before the kill (stderr: %s)", run, errors(stderr))
                    .isGreaterThanOrEqualTo(APPENDS_BEFORE_KILL);
            Thread.sleep(killDelayMillis);
        } finally {
            // SIGKILL on Linux: no shutdown hooks, no closing of the database or of files.
            child.destroyForcibly();
            child.waitFor();
            reader.join();
        }
        return lines;
    }

    private static void readLines(InputStream in, List<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (IOException e) {
            // The kill closes the pipe under the reader; lines not read by then only make the checks less strict.
        }
    }

    private static long appendCount(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("appended ")).count();
    }

    private static String errors(Path stderr) throws IOException {
        return Files.exists(stderr) ? Files.readString(stderr) : "";
    }

    private void record(int run, List<String> lines) {
        long previousHighest = highestReported.isEmpty() ? 0 : highestReported.getLast();
        long highest = previousHighest;
        for (String line : lines) {
            String[] words = line.split(" ");
            long uid = Long.parseLong(words[1]);
            switch (words[0]) {
                case "appended" -> {
                    assertThat(uid)
                            .as("run %d: UIDs strictly increase across appends and runs", run)
                            .isGreaterThan(highest);
                    highest = uid;
                    appended.put(uid, words[2]);
                }
                case "removing" -> removing.add(uid);
                case "removed" -> {
                    removing.remove(uid);
                    removed.add(uid);
                }
                default -> throw new AssertionError("run " + run + ": unexpected output " + line);
            }
        }
        highestReported.add(highest);
    }

    private void verifyAfterCrash(int run) throws Exception {
        try (SqlMetadataStore metadata = openDatabase(dataDir);
                FileBlobStore blobs = FileBlobStore.open(dataDir.resolve("blobs"))) {
            MailEngine engine = MailEngine.builder()
                    .metadataStore(metadata)
                    .blobStore(blobs)
                    .build();
            MailboxId inbox = engine.mailboxes()
                    .byPath(CrashingAppender.ACCOUNT, "INBOX")
                    .orElseThrow()
                    .id();
            List<MessageMeta> messages = engine.messages().list(CrashingAppender.ACCOUNT, inbox, UidSet.all());
            Map<Long, MessageMeta> byUid = new HashMap<>();
            long previous = 0;
            for (MessageMeta message : messages) {
                assertThat(message.uid())
                        .as("run %d: UIDs ascend in the mailbox", run)
                        .isGreaterThan(previous);
                previous = message.uid();
                byUid.put(message.uid(), message);
            }

            for (Map.Entry<Long, String> reported : appended.entrySet()) {
                long uid = reported.getKey();
                if (removed.contains(uid) || removing.contains(uid)) {
                    continue;
                }
                assertThat(byUid)
                        .as("run %d: the reported append of UID %d is present", run, uid)
                        .containsKey(uid);
                try (InputStream in = engine.contents()
                        .open(CrashingAppender.ACCOUNT, byUid.get(uid).emailId())) {
                    assertThat(CrashingAppender.sha256(in.readAllBytes()))
                            .as("run %d: the content of UID %d", run, uid)
                            .isEqualTo(reported.getValue());
                }
            }
            for (long uid : removed) {
                assertThat(byUid)
                        .as("run %d: the reported removal of UID %d holds", run, uid)
                        .doesNotContainKey(uid);
            }
            // An append that committed but was killed before reporting is fine: at most one per run, above the run's
            // earlier appends and below the next run's.
            Set<Long> unreported = new HashSet<>(byUid.keySet());
            unreported.removeAll(appended.keySet());
            assertThat(unreported)
                    .as("run %d: messages nobody was told about", run)
                    .hasSizeLessThanOrEqualTo(run + 1);

            assertThat(engine.mailboxes()
                            .get(CrashingAppender.ACCOUNT, inbox)
                            .orElseThrow()
                            .uidNext())
                    .as("run %d: UIDNEXT is above every UID handed out", run)
                    .isGreaterThan(highestReported.getLast());

            Collection<EmailRecord> emails = metadata.read(
                    CrashingAppender.ACCOUNT,
                    r -> List.copyOf(r.emails(r.emailIds()).values()));
            for (EmailRecord email : emails) {
                assertThat(blobs.exists(email.blobId()))
                        .as("run %d: the blob of email %s exists", run, email.id())
                        .isTrue();
                try (InputStream in = blobs.open(email.blobId())) {
                    assertThat(CrashingAppender.sha256(in.readAllBytes()))
                            .as("run %d: the blob of email %s holds its bytes", run, email.id())
                            .isEqualTo(email.blobId().value());
                }
            }

            new BlobSweeper(blobs, List.of(metadata), Clock.systemUTC()).sweep(Duration.ZERO);
            List<BlobId> left;
            try (Stream<StoredBlob> listed = blobs.list()) {
                left = listed.map(StoredBlob::id).toList();
            }
            assertThat(metadata.referencedBlobs(left))
                    .as("run %d: every blob left after the sweep is referenced", run)
                    .containsExactlyInAnyOrderElementsOf(left);
            for (EmailRecord email : emails) {
                assertThat(blobs.exists(email.blobId()))
                        .as("run %d: the sweep kept the blob of email %s", run, email.id())
                        .isTrue();
            }
        }
    }
}
