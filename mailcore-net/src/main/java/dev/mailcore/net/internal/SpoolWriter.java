/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes one connection's spooled literals to temp files off the I/O thread: the framer queues copies of the bytes,
 * and one task at a time on the executor writes them in order. Above {@link #HIGH_WATER} queued bytes the connection
 * stops reading until the writer is back under {@link #LOW_WATER}, so a fast client cannot fill the heap; a frame
 * holding a spooled literal {@linkplain #await waits} for the writes queued before it. With a direct executor
 * ({@code Runnable::run}) every write happens at once, on the caller's thread.
 */
public final class SpoolWriter {
    /** Queued bytes above which reading stops. */
    static final int HIGH_WATER = 256 * 1024;

    /** Queued bytes below which reading goes on. */
    static final int LOW_WATER = 64 * 1024;

    /** How the writer stops and resumes the connection's reading. */
    public interface Flow {
        /** Called on the framer's thread when too much is queued. */
        void pauseReading();

        /** Called on the writer's thread when the queue has drained enough. */
        void resumeReading();

        /** Called on the writer's thread when a file could not be written: the connection cannot go on. */
        void failed(IOException e);
    }

    private static final Flow NO_FLOW = new Flow() {
        @Override
        public void pauseReading() {}

        @Override
        public void resumeReading() {}

        @Override
        public void failed(IOException e) {}
    };

    private final Path directory;
    private final Executor executor;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition done = lock.newCondition();
    private Flow flow = NO_FLOW;
    private Deque<Runnable> queue;
    private long queuedBytes;
    private long queued;
    private long completed;
    private boolean running;
    private boolean paused;
    private IOException failure;

    /** Spools under {@code directory} ({@code java.io.tmpdir} when null), writing on {@code executor}. */
    public SpoolWriter(Path directory, Executor executor) {
        this.directory = directory;
        this.executor = executor;
    }

    /** Tells the writer how to stop and resume reading; before the first byte. */
    public void flow(Flow flow) {
        this.flow = flow;
    }

    /** Starts a new temp file whose name starts with {@code prefix}; its creation is queued like a write. */
    File open(String prefix) {
        String name =
                prefix + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ".tmp";
        Path path = (directory != null ? directory : Path.of(System.getProperty("java.io.tmpdir"))).resolve(name);
        File file = new File(path);
        submit(0, false, file::create);
        return file;
    }

    /** A mark for {@link #await}: everything queued so far. */
    long mark() {
        lock.lock();
        try {
            return queued;
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until everything queued up to {@code mark} is written; throws when a write failed. */
    public void await(long mark) throws IOException {
        lock.lock();
        try {
            while (completed < mark && failure == null) {
                done.awaitUninterruptibly();
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code cleanup} on the writer once everything queued so far is done, even after a failure: a frame dropped
     * before its literals were written is closed (its files deleted) only after the writer made them.
     */
    public void afterWrites(Runnable cleanup) {
        submit(0, true, cleanup::run);
    }

    private void submit(int bytes, boolean always, IoTask task) {
        boolean start;
        boolean pause = false;
        lock.lock();
        try {
            if (queue == null) {
                queue = new ArrayDeque<>();
            }
            queue.add(() -> run(bytes, always, task));
            queued++;
            queuedBytes += bytes;
            if (queuedBytes > HIGH_WATER && !paused) {
                paused = true;
                pause = true;
            }
            start = !running;
            running = true;
        } finally {
            lock.unlock();
        }
        if (pause) {
            flow.pauseReading();
        }
        if (start) {
            executor.execute(this::drain);
        }
    }

    /** Runs one task; after a failure only the {@code always} ones (clean-ups) run. */
    private void run(int bytes, boolean always, IoTask task) {
        boolean failed;
        lock.lock();
        try {
            failed = failure != null;
        } finally {
            lock.unlock();
        }
        IOException error = null;
        if (!failed || always) {
            try {
                task.run();
            } catch (IOException e) {
                error = e;
            } catch (RuntimeException e) {
                error = new IOException(e);
            }
        }
        boolean resume = false;
        boolean report = false;
        lock.lock();
        try {
            if (error != null && failure == null) {
                failure = error;
                report = true;
            }
            completed++;
            queuedBytes -= bytes;
            if (paused && queuedBytes < LOW_WATER) {
                paused = false;
                resume = true;
            }
            done.signalAll();
        } finally {
            lock.unlock();
        }
        if (resume) {
            flow.resumeReading();
        }
        if (report) {
            flow.failed(error);
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            lock.lock();
            try {
                next = queue.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            } finally {
                lock.unlock();
            }
            next.run();
        }
    }

    private interface IoTask {
        void run() throws IOException;
    }

    /** One temp file being written. Its methods are called on the framer's thread and queue the file work. */
    final class File {
        private final Path path;
        private FileChannel channel;

        private File(Path path) {
            this.path = path;
        }

        Path path() {
            return path;
        }

        /** Queues a copy of the next {@code n} bytes of {@code in} and advances it past them. */
        void write(ByteBuffer in, int n) {
            byte[] copy = new byte[n];
            in.get(copy);
            write(copy, copy.length);
        }

        /** Queues the first {@code n} bytes of {@code bytes}, which the caller no longer changes. */
        void write(byte[] bytes, int n) {
            submit(n, false, () -> {
                ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, n);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            });
        }

        /** Queues the close; the file is complete once {@link #await} of a later mark returns. */
        void close() {
            // Even after a failure: the channel must not stay open.
            submit(0, true, () -> {
                if (channel != null) {
                    channel.close();
                }
            });
        }

        /** Queues the close and the deletion of the file. */
        void abort() {
            submit(0, true, () -> {
                try {
                    if (channel != null) {
                        channel.close();
                    }
                } finally {
                    Files.deleteIfExists(path);
                }
            });
        }

        private void create() throws IOException {
            try {
                channel = FileChannel.open(
                        path,
                        EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: its default permissions.
                channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
        }
    }
}
