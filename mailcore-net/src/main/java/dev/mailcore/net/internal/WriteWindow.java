/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.mina.core.future.WriteFuture;

/**
 * The protocol's writes of one connection that the client has not taken yet, so the writer waits while too many are
 * outstanding.
 *
 * <p>The session's count of scheduled bytes does not do: MINA's TLS filter hands the socket only a few records at a
 * time and holds the rest of the writes in its own queue, unseen by that count, and fails the connection once that
 * queue holds 64 writes. A pipelining client reading slowly, sent large replies over TLS, lost its connection that way.
 * Counting writes until their future completes bounds both the bytes and the number of writes held anywhere in the
 * filters.
 */
final class WriteWindow {
    /** Well under the 64 writes MINA's TLS filter queues before it fails the connection. */
    static final int MAX_WRITES = 32;

    static final long MAX_BYTES = 1 << 20;

    private record Pending(WriteFuture future, long bytes) {}

    private final Deque<Pending> pending = new ArrayDeque<>();
    private long bytes;

    /** Counts a write just made. */
    synchronized void add(WriteFuture future, long size) {
        pending.add(new Pending(future, size));
        bytes += size;
        dropCompleted();
    }

    /** @return the newest outstanding write, or null when every write has completed */
    synchronized WriteFuture last() {
        Pending newest = pending.peekLast();
        return newest == null || newest.future().isDone() ? null : newest.future();
    }

    /** @return the oldest outstanding write while the window is over its limits, else null */
    synchronized WriteFuture overLimit() {
        dropCompleted();
        return pending.size() > MAX_WRITES || bytes > MAX_BYTES ? pending.peek().future() : null;
    }

    /** Writes complete in the order they were made, so the completed ones are at the head. */
    private void dropCompleted() {
        for (Pending head; (head = pending.peek()) != null && head.future().isDone(); ) {
            pending.poll();
            bytes -= head.bytes();
        }
    }
}
