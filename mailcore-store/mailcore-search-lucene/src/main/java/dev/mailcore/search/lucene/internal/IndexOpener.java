/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.search.lucene.internal;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the index, and replaces one that cannot be used by a new, empty one rather than failing: a search index can
 * always be rebuilt from the store, a server that does not start cannot serve mail. The unusable index is moved
 * aside (never deleted) to {@code <name>.unusable-<n>} next to it.
 *
 * <p>Unusable means: files but no commit, a commit Lucene cannot read (corrupt, truncated, missing files, a format
 * too old or too new), a checksum mismatch when checksums are verified, or a layout written by another version of
 * this module or with the other body mode (recorded in the commit's user data).
 *
 * <p>Every commit of an open index is marked unclean; only the commit made on close is marked clean. An index whose
 * last commit is unclean was not closed (the process crashed or was killed), so changes after that commit may be
 * missing: it is opened as {@link OpenedIndex.Outcome#UNCLEAN}. On open the index is at once committed as unclean
 * again, so a crash before the next commit is noticed too.
 */
public final class IndexOpener {
    private static final Logger LOG = LoggerFactory.getLogger(IndexOpener.class);
    private static final String WRITE_LOCK = "write.lock";
    /** Commit user data: "true" in the commit made on close, "false" in every other. */
    public static final String CLOSED_CLEANLY = "mailcore.closed";
    /**
     * Commit user data: the key prefix, followed by an account id, of the MODSEQ up to which the commit holds that
     * account's changes.
     */
    public static final String APPLIED_PREFIX = "mailcore.applied.";

    private final Map<String, String> layout;
    private final Analyzer analyzer;
    private final boolean verifyChecksums;

    /**
     * @param layout what the commit's user data must hold for the index to be used as it is
     * @param analyzer the analyzer of the writer
     * @param verifyChecksums whether to read every file of an existing index once to check its checksum
     */
    public IndexOpener(Map<String, String> layout, Analyzer analyzer, boolean verifyChecksums) {
        this.layout = Map.copyOf(layout);
        this.analyzer = analyzer;
        this.verifyChecksums = verifyChecksums;
    }

    public OpenedIndex inMemory() throws IOException {
        return create(new ByteBuffersDirectory(), OpenedIndex.Outcome.CREATED);
    }

    /**
     * Opens or creates the index in {@code path}.
     *
     * @throws LockObtainFailedException if another writer holds the index (it is left alone)
     * @throws IOException if the file system fails
     */
    public OpenedIndex onDisk(Path path) throws IOException {
        if (!hasFiles(path)) {
            return create(FSDirectory.open(path), OpenedIndex.Outcome.CREATED);
        }
        FSDirectory directory = FSDirectory.open(path);
        try {
            IndexWriter writer = openExisting(directory);
            boolean clean = "true".equals(commitData(writer).get(CLOSED_CLEANLY));
            try {
                markOpen(writer);
            } catch (IOException | RuntimeException e) {
                writer.rollback();
                throw e;
            }
            return new OpenedIndex(directory, writer, clean ? OpenedIndex.Outcome.OPENED : OpenedIndex.Outcome.UNCLEAN);
        } catch (LockObtainFailedException e) {
            directory.close();
            throw e;
        } catch (CorruptIndexException
                | IndexFormatTooOldException
                | IndexFormatTooNewException
                | NoSuchFileException
                | FileNotFoundException
                | EOFException
                | UnusableIndexException e) {
            directory.close();
            Path aside = moveAside(path);
            LOG.warn("Search index in {} cannot be used ({}); moved to {}, starting empty", path, e, aside);
            return create(FSDirectory.open(path), OpenedIndex.Outcome.REBUILT);
        }
    }

    private IndexWriter openExisting(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            throw new UnusableIndexException("files but no commit");
        }
        IndexWriter writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.APPEND));
        try {
            Map<String, String> found = commitData(writer);
            found.remove(CLOSED_CLEANLY);
            found.keySet().removeIf(key -> key.startsWith(APPLIED_PREFIX));
            if (!found.equals(layout)) {
                throw new UnusableIndexException("layout " + found + ", expected " + layout);
            }
            if (verifyChecksums) {
                try (DirectoryReader reader = DirectoryReader.open(writer)) {
                    for (LeafReaderContext leaf : reader.leaves()) {
                        leaf.reader().checkIntegrity();
                    }
                }
            }
            return writer;
        } catch (IOException | RuntimeException e) {
            writer.rollback();
            throw e;
        }
    }

    private OpenedIndex create(Directory directory, OpenedIndex.Outcome outcome) throws IOException {
        IndexWriter writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE));
        // A first commit, so that an index closed before any write still opens as this layout.
        markOpen(writer);
        return new OpenedIndex(directory, writer, outcome);
    }

    /** Commits the layout, marked unclean until the commit made on close; the MODSEQs recorded are kept. */
    private void markOpen(IndexWriter writer) throws IOException {
        Map<String, String> data = commitData(false);
        commitData(writer).forEach((key, value) -> {
            if (key.startsWith(APPLIED_PREFIX)) {
                data.put(key, value);
            }
        });
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
    }

    /** The MODSEQ recorded per account in the last commit, keyed by account id. */
    public static Map<String, Long> appliedModSeqs(IndexWriter writer) {
        Map<String, Long> applied = new HashMap<>();
        commitData(writer).forEach((key, value) -> {
            if (key.startsWith(APPLIED_PREFIX)) {
                try {
                    applied.put(key.substring(APPLIED_PREFIX.length()), Long.parseLong(value));
                } catch (NumberFormatException ignored) {
                    // Not ours to trust: that account is reindexed.
                }
            }
        });
        return applied;
    }

    /** What the next commit records: the layout, and whether it is the one made on close. */
    public Map<String, String> commitData(boolean closing) {
        Map<String, String> data = new HashMap<>(layout);
        data.put(CLOSED_CLEANLY, Boolean.toString(closing));
        return data;
    }

    private static Map<String, String> commitData(IndexWriter writer) {
        Map<String, String> found = new HashMap<>();
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            data.forEach(entry -> found.put(entry.getKey(), entry.getValue()));
        }
        return found;
    }

    private IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(analyzer).setOpenMode(mode).setCommitOnClose(true);
    }

    private static boolean hasFiles(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.anyMatch(file -> !file.getFileName().toString().equals(WRITE_LOCK));
        }
    }

    private static Path moveAside(Path path) throws IOException {
        for (int n = 1; ; n++) {
            Path aside = path.resolveSibling(path.getFileName() + ".unusable-" + n);
            if (!Files.exists(aside)) {
                return Files.move(path, aside);
            }
        }
    }

    /** The index was readable but is not one this code can use as it is. */
    private static final class UnusableIndexException extends IOException {
        UnusableIndexException(String message) {
            super(message);
        }
    }
}
