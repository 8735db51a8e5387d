/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store;

import dev.mailcore.api.BlobId;
import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.api.spi.BlobStore;
import dev.mailcore.store.internal.BoundedChannelInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A {@link BlobStore} on a local file system: one file per blob, named by its SHA-256 and sharded into two levels
 * of directories ({@code ab/cd/abcd…}) so no directory grows huge.
 *
 * <pre>{@code
 * try (FileBlobStore blobs = FileBlobStore.open(dataDir.resolve("blobs"))) {
 *     BlobId id = blobs.put(in);
 * }
 * }</pre>
 *
 * <p>Durability: {@link #put} writes to a temporary file in the store, forces it to disk, renames it atomically to
 * its final name and forces the directory, so when it returns the blob survives a crash, and a crash before that
 * leaves no file under the blob's name (leftover temporary files are removed when the store opens). Identical
 * content is stored once. Reads stream from the file with byte ranges; nothing is held in memory.
 */
public final class FileBlobStore implements BlobStore {
    private static final String TEMP = "tmp";

    private final Path root;
    private final Path temp;

    private FileBlobStore(Path root) {
        this.root = root;
        this.temp = root.resolve(TEMP);
    }

    /**
     * Opens (creating if needed) a store rooted at {@code root} and removes temporary files a crash left behind.
     *
     * @throws UncheckedIOException when the directory cannot be created or read
     */
    public static FileBlobStore open(Path root) {
        FileBlobStore store = new FileBlobStore(root.toAbsolutePath());
        try {
            Files.createDirectories(store.temp);
            store.removeLeftovers();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the blob store at " + root, e);
        }
        return store;
    }

    private void removeLeftovers() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(temp)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Override
    public BlobId put(InputStream content) {
        Path tempFile = null;
        try {
            tempFile = Files.createTempFile(temp, "put-", ".tmp");
            MessageDigest digest = sha256();
            try (FileChannel channel = FileChannel.open(tempFile, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                new DigestInputStream(content, digest).transferTo(out);
                channel.force(true);
            }
            BlobId id = BlobId.ofDigest(digest.digest());
            Path target = path(id);
            if (Files.exists(target)) {
                Files.delete(tempFile);
                return id;
            }
            createShardDirectories(target.getParent());
            moveAtomically(tempFile, target);
            tempFile = null;
            forceDirectory(target.getParent());
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a blob", e);
        } finally {
            if (tempFile != null) {
                try {
                    Files.deleteIfExists(tempFile);
                } catch (IOException ignored) {
                    // Removed at the next open at the latest.
                }
            }
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            // Another put of the same bytes may win the race; its file is identical, so replacing it is harmless.
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system cannot rename atomically: " + to.getParent(), e);
        }
    }

    /** Creates the shard directories and makes their creation durable in their parents. */
    private void createShardDirectories(Path shard) throws IOException {
        Path outer = shard.getParent();
        if (!Files.isDirectory(outer)) {
            createDirectory(outer);
            forceDirectory(root);
        }
        if (!Files.isDirectory(shard)) {
            createDirectory(shard);
            forceDirectory(outer);
        }
    }

    private static void createDirectory(Path dir) throws IOException {
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException raced) {
            // A concurrent put created it.
        }
    }

    private static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    @Override
    public boolean exists(BlobId id) {
        return Files.isRegularFile(path(id));
    }

    @Override
    public long size(BlobId id) {
        try {
            return Files.size(path(id));
        } catch (NoSuchFileException e) {
            throw notFound(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(BlobId id) {
        return open(id, 0, Long.MAX_VALUE);
    }

    @Override
    public InputStream open(BlobId id, long offset, long length) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must not be negative");
        }
        try {
            FileChannel channel = FileChannel.open(path(id), StandardOpenOption.READ);
            return new BoundedChannelInputStream(channel, offset, length);
        } catch (NoSuchFileException e) {
            throw notFound(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(BlobId id) {
        try {
            Files.deleteIfExists(path(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        // Every stream owns its own file handle; nothing is shared.
    }

    /** Where the blob's file is: {@code root/ab/cd/abcd...}. */
    Path path(BlobId id) {
        String hex = id.value();
        return root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    private static MailException notFound(BlobId id) {
        return new MailException(ErrorReason.NOT_FOUND, "no such blob: " + id);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
