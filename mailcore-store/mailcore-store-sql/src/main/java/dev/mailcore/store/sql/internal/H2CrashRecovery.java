/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * Finds the last commits of an H2 file database that was not closed (process killed, machine lost) before H2 opens
 * it.
 *
 * <p>H2 2.5 can lose commits that were written and returned: when a chunk (one commit with {@code WRITE_DELAY=0})
 * lands in a gap inside the file other than the one its predecessor predicted, H2 rewrites the file header so that
 * the next open finds it, but the header names the predecessor instead of the new chunk (2.5.252 records the new
 * chunk as the last one only after writing the header; 2.3.232 did so before). An open after a crash starts from the
 * header, follows the predictions and the chunk at the end of the file, misses the new chunk and every chunk
 * written after it, and rolls the database back to the predecessor. Chunks of varied sizes (a large row now and
 * then) make such misses frequent.
 *
 * <p>The chunks are in the file, complete. Opening the store once in H2's recovery mode, which reads every block
 * instead of trusting the header, finds the newest complete chunk; closing it writes a header that names it and
 * marks the shutdown clean, so the database then opens normally at its last commit. That full read costs time in
 * proportion to the file size, and only after a shutdown that was not clean.
 */
public final class H2CrashRecovery {
    /** The key H2 puts into its file header on a clean shutdown and removes with the first write after opening. */
    private static final String CLEAN_MARK = "clean:1";

    private H2CrashRecovery() {}

    /**
     * Recovers {@code file} (an H2 {@code .mv.db} file) when its header does not say it was closed cleanly; does
     * nothing for a missing file. A file H2 cannot open (in use by another process, damaged) is left for the normal
     * open to report.
     */
    public static void recoverIfNotClosedCleanly(Path file) {
        if (closedCleanly(file)) {
            return;
        }
        try {
            new MVStore.Builder()
                    .fileName(file.toString())
                    .recoveryMode()
                    .open()
                    .close();
        } catch (MVStoreException e) {
            // The open that follows fails with H2's own error for the same cause, which is the one to report.
        }
    }

    /** Whether the file is absent or empty (nothing to recover) or its header carries H2's clean-shutdown mark. */
    static boolean closedCleanly(Path file) {
        byte[] block;
        try (InputStream in = Files.newInputStream(file)) {
            // The header is one line of comma-separated key:value pairs at the start of the first 4 KiB block.
            block = in.readNBytes(4096);
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException e) {
            // Unreadable: the recovery attempt, then the normal open, report it.
            return false;
        }
        if (block.length == 0) {
            return true;
        }
        String header = new String(block, StandardCharsets.ISO_8859_1);
        int end = header.indexOf('\n');
        return end > 0 && Arrays.asList(header.substring(0, end).split(",")).contains(CLEAN_MARK);
    }
}
