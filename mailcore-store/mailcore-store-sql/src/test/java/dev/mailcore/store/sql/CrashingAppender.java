/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.AppendRequest;
import dev.mailcore.api.AppendResult;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.UidSet;
import dev.mailcore.store.FileBlobStore;
import dev.mailcore.store.MailEngine;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Random;

/**
 * The process {@link CrashConsistencyTest} kills: opens an H2 file database and a file blob store in a data
 * directory and appends messages to one account's INBOX until it dies, reporting each operation on standard output
 * only after the engine returned. Now and then it removes one of its earlier messages, so the store also gets
 * orphan blobs from removals, and re-appends earlier content, so identical bytes share one blob.
 *
 * <p>Arguments: the data directory (blobs, and the H2 database when no URL follows), the run number, a random seed,
 * and optionally the JDBC URL, user and password of a PostgreSQL database for the metadata.
 */
public final class CrashingAppender {
    static final AccountId ACCOUNT = AccountId.of("crash");

    private CrashingAppender() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int run = Integer.parseInt(args[1]);
        Random random = new Random(Long.parseLong(args[2]));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
        try (SqlMetadataStore metadata = args.length > 3
                        ? SqlMetadataStore.builder()
                                .jdbcUrl(args[3])
                                .credentials(args[4], args.length > 5 && !args[5].isEmpty() ? args[5] : null)
                                .build()
                        : SqlMetadataStore.h2(dataDir);
                FileBlobStore blobs = FileBlobStore.open(dataDir.resolve("blobs"))) {
            MailEngine engine = MailEngine.builder()
                    .metadataStore(metadata)
                    .blobStore(blobs)
                    .build();
            MailboxId inbox =
                    engine.mailboxes().byPath(ACCOUNT, "INBOX").orElseThrow().id();
            Deque<Long> mine = new ArrayDeque<>();
            byte[] previous = null;
            for (int i = 0; ; i++) {
                if (i % 7 == 6 && mine.size() > 1) {
                    long uid = mine.removeFirst();
                    out.println("removing " + uid);
                    out.flush();
                    engine.messages().remove(ACCOUNT, inbox, UidSet.of(uid));
                    out.println("removed " + uid);
                    out.flush();
                    continue;
                }
                byte[] message = previous != null && random.nextInt(8) == 0 ? previous : message(run, i, random);
                AppendResult appended =
                        engine.messages().append(ACCOUNT, inbox, AppendRequest.of(new ByteArrayInputStream(message)));
                mine.addLast(appended.uid());
                previous = message;
                out.println("appended " + appended.uid() + " " + sha256(message));
                out.flush();
            }
        }
    }

    /** A message of a few hundred bytes to a few hundred kilobytes: larger ones are spooled to disk on ingest. */
    private static byte[] message(int run, int i, Random random) {
        int bodySize = random.nextInt(10) == 0 ? 200_000 + random.nextInt(200_000) : 100 + random.nextInt(8_000);
        StringBuilder text = new StringBuilder(bodySize + 200)
                .append("From: crash@example.com\r\nTo: crash@example.com\r\n")
                .append("Subject: run ")
                .append(run)
                .append(" message ")
                .append(i)
                .append("\r\nMessage-ID: <")
                .append(run)
                .append('.')
                .append(i)
                .append("@crash.example>\r\n\r\n");
        while (text.length() < bodySize) {
            text.append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36)).append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
