/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

import dev.mailcore.api.BlobId;
import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The raw bytes of one incoming message, read once to the end and kept for the time of ingest: in memory while small,
 * in a private temp file beyond a threshold. Its SHA-256 is computed while reading, so the blob id is known without a
 * second pass.
 *
 * <pre>{@code
 * try (SpooledMessage message = SpooledMessage.spool(in, maxSize, 256 * 1024, tempDir)) {
 *     ExtractedMessage extracted = new MimeExtractor().extract(message);
 *     blobStore.put(message.blobId(), message.open());
 * }
 * }</pre>
 *
 * <p>Reads ({@link #open()}, {@link #read(long, byte[], int, int)}) are safe from several threads at once; they fail
 * with {@link IllegalStateException} after {@link #close()}. I/O errors surface as {@link UncheckedIOException}.
 */
public final class SpooledMessage implements AutoCloseable {
    private static final int CHUNK = 64 * 1024;

    private final byte[] memory;
    private final Path file;
    private final FileChannel channel;
    private final long size;
    private final BlobId blobId;
    private volatile boolean closed;

    private SpooledMessage(byte[] memory, Path file, FileChannel channel, long size, BlobId blobId) {
        this.memory = memory;
        this.file = file;
        this.channel = channel;
        this.size = size;
        this.blobId = blobId;
    }

    /**
     * Reads {@code in} to its end (without closing it) and keeps the bytes.
     *
     * @param in the raw message
     * @param maxSize the largest message accepted, in octets
     * @param memoryThreshold up to this many octets stay in memory; a larger message goes to a temp file
     * @param tempDir where the temp file is created (owner-only permissions; deleted on {@link #close()})
     * @throws MailException {@link ErrorReason#TOO_LARGE} as soon as more than {@code maxSize} octets arrive, and
     *     {@link ErrorReason#INVALID_MESSAGE} when the stream is empty
     * @throws UncheckedIOException when reading {@code in} or writing the temp file fails
     */
    public static SpooledMessage spool(InputStream in, long maxSize, int memoryThreshold, Path tempDir) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(tempDir, "tempDir");
        if (maxSize < 0 || memoryThreshold < 0) {
            throw new IllegalArgumentException("maxSize and memoryThreshold must not be negative");
        }
        return new Spooler(maxSize, memoryThreshold, tempDir).run(in);
    }

    /** The number of octets of the message. */
    public long size() {
        return size;
    }

    /** The content address of the message: the SHA-256 of its bytes. */
    public BlobId blobId() {
        return blobId;
    }

    /** A fresh stream over the whole message; the caller closes it. */
    public InputStream open() {
        return new SpooledSharedInputStream(this);
    }

    /**
     * Copies up to {@code len} octets starting at {@code position} into {@code buf}.
     *
     * @return the number of octets copied, or -1 when {@code position} is at or past the end
     */
    public int read(long position, byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        if (closed) {
            throw new IllegalStateException("spooled message is closed");
        }
        if (position < 0) {
            throw new IllegalArgumentException("negative position " + position);
        }
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(len, size - position);
        if (memory != null) {
            System.arraycopy(memory, (int) position, buf, off, n);
            return n;
        }
        try {
            ByteBuffer target = ByteBuffer.wrap(buf, off, n);
            while (target.hasRemaining()) {
                int r = channel.read(target, position + target.position() - off);
                if (r < 0) {
                    throw new IOException("spool file is shorter than expected");
                }
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spooled message", e);
        }
    }

    /** Whether the bytes live in a temp file (for tests and metrics). */
    boolean isOnDisk() {
        return file != null;
    }

    /** The temp file, or null when the bytes are in memory. */
    Path tempFile() {
        return file;
    }

    /** Releases the memory or deletes the temp file. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (file != null) {
            closeQuietly(channel);
            deleteQuietly(file);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // The file is deleted next; a failed close loses nothing.
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }

    /** The state of one spooling run; kept out of the message so that a finished message is immutable. */
    private static final class Spooler {
        private final long maxSize;
        private final int memoryThreshold;
        private final Path tempDir;
        private final MessageDigest digest;
        private byte[] memory = new byte[0];
        private Path file;
        private FileChannel channel;
        private long size;

        Spooler(long maxSize, int memoryThreshold, Path tempDir) {
            this.maxSize = maxSize;
            this.memoryThreshold = memoryThreshold;
            this.tempDir = tempDir;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        SpooledMessage run(InputStream in) {
            boolean done = false;
            try {
                byte[] chunk = new byte[CHUNK];
                int n;
                while ((n = in.read(chunk)) != -1) {
                    if (size + n > maxSize) {
                        throw new MailException(ErrorReason.TOO_LARGE, "message is larger than " + maxSize + " octets");
                    }
                    digest.update(chunk, 0, n);
                    append(chunk, n);
                    size += n;
                }
                if (size == 0) {
                    throw new MailException(ErrorReason.INVALID_MESSAGE, "message is empty");
                }
                BlobId id = BlobId.ofDigest(digest.digest());
                SpooledMessage message = file == null
                        ? new SpooledMessage(Arrays.copyOf(memory, (int) size), null, null, size, id)
                        : new SpooledMessage(null, file, channel, size, id);
                done = true;
                return message;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot spool message", e);
            } finally {
                if (!done) {
                    memory = null;
                    if (file != null) {
                        closeQuietly(channel);
                        deleteQuietly(file);
                    }
                }
            }
        }

        private void append(byte[] chunk, int n) throws IOException {
            if (file == null && size + n <= memoryThreshold) {
                if (size + n > memory.length) {
                    long grown = Math.max(size + n, Math.min((long) memoryThreshold, Math.max(4096L, size * 2)));
                    memory = Arrays.copyOf(memory, (int) grown);
                }
                System.arraycopy(chunk, 0, memory, (int) size, n);
                return;
            }
            if (file == null) {
                openFile();
                writeFully(ByteBuffer.wrap(memory, 0, (int) size));
                memory = null;
            }
            writeFully(ByteBuffer.wrap(chunk, 0, n));
        }

        private void openFile() throws IOException {
            boolean posix =
                    FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                            && tempDir.getFileSystem().equals(FileSystems.getDefault());
            FileAttribute<?>[] attributes = posix
                    ? new FileAttribute<?>[] {
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                    }
                    : new FileAttribute<?>[0];
            file = Files.createTempFile(tempDir, "mailcore-spool-", ".eml", attributes);
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }

        private void writeFully(ByteBuffer buffer) throws IOException {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }
}
