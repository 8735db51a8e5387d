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
 */
public final class IndexOpener {
    private static final Logger LOG = LoggerFactory.getLogger(IndexOpener.class);
    private static final String WRITE_LOCK = "write.lock";

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
            return new OpenedIndex(directory, openExisting(directory), OpenedIndex.Outcome.OPENED);
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
            Map<String, String> found = new HashMap<>();
            Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
            if (data != null) {
                data.forEach(entry -> found.put(entry.getKey(), entry.getValue()));
            }
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
        writer.setLiveCommitData(layout.entrySet());
        // A first commit, so that an index closed before any write still opens as this layout.
        writer.commit();
        return new OpenedIndex(directory, writer, outcome);
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
