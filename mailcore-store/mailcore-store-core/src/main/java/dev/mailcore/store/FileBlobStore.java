/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store;

import dev.mailcore.api.BlobId;
import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.api.spi.BlobStore;
import dev.mailcore.api.spi.StoredBlob;
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
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
 * content is stored once, and storing it again sets the file's modification time, which is the blob's
 * {@link StoredBlob#storedAt}. Reads stream from the file with byte ranges; nothing is held in memory.
 *
 * <p>{@link #deleteIfStoredBefore} and a put of the same bytes exclude each other within this process; several
 * processes sharing one directory must not reclaim orphans while another appends.
 */
public final class FileBlobStore implements BlobStore {
    private static final String TEMP = "tmp";

    private static final Pattern BLOB_NAME = Pattern.compile("[0-9a-f]{64}");
    private static final int STRIPES = 64;

    private final Path root;
    private final Path temp;
    private final Lock[] stripes = new Lock[STRIPES];

    private FileBlobStore(Path root) {
        this.root = root;
        this.temp = root.resolve(TEMP);
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
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
            Lock lock = stripe(id);
            lock.lock();
            try {
                if (Files.exists(target)) {
                    // Young again, so an orphan sweep running now does not take the bytes this put stands for.
                    Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
                    Files.delete(tempFile);
                    tempFile = null;
                    return id;
                }
                createShardDirectories(target.getParent());
                moveAtomically(tempFile, target);
                tempFile = null;
            } finally {
                lock.unlock();
            }
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

    /** Walks the shard directories lazily; the temporary directory and foreign files are left out. */
    @Override
    public Stream<StoredBlob> list() {
        try {
            return Files.find(root, 3, (file, attributes) -> attributes.isRegularFile() && isBlobFile(file))
                    .map(this::stored)
                    .flatMap(Optional::stream);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the blob store at " + root, e);
        }
    }

    private boolean isBlobFile(Path file) {
        String name = file.getFileName().toString();
        if (!BLOB_NAME.matcher(name).matches() || file.getNameCount() != root.getNameCount() + 3) {
            return false;
        }
        return file.getParent().getFileName().toString().equals(name.substring(2, 4))
                && file.getParent().getParent().getFileName().toString().equals(name.substring(0, 2));
    }

    /** The blob of a listed file, or empty when it was deleted since the directory was read. */
    private Optional<StoredBlob> stored(Path file) {
        try {
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            return Optional.of(new StoredBlob(BlobId.of(file.getFileName().toString()), modified));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean deleteIfStoredBefore(BlobId id, Instant cutoff) {
        Path file = path(id);
        Lock lock = stripe(id);
        lock.lock();
        try {
            try {
                if (!Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                    return false;
                }
                return Files.deleteIfExists(file);
            } catch (NoSuchFileException gone) {
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The lock that orders a put of existing bytes against a conditional delete of the same blob. */
    private Lock stripe(BlobId id) {
        return stripes[Math.floorMod(id.hashCode(), stripes.length)];
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
