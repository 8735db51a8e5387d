/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.mina.core.service.IoProcessor;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.write.WriteRequest;
import org.apache.mina.transport.socket.nio.NioSession;

/**
 * The I/O threads of one listener, each a MINA {@link org.apache.mina.transport.socket.nio.NioProcessor} owning the connections it was given.
 *
 * <p>Unlike MINA's own pool, it never changes a connection's interest in reading from the caller's thread. A
 * connection stops reading on its I/O thread and reads on when the protocol's thread says so; MINA applies either
 * by reading, changing and writing back the selection key's interest set, and the I/O thread does the same after
 * every write it finishes. Done from two threads at once, one change can overwrite the other, and a connection
 * whose read interest was lost waits forever. Here every change is queued to the connection's I/O thread, which
 * applies the connection's current wish there, in turn with its writes.
 *
 * <p>A write made while nothing of its connection is waiting goes straight to the socket from the writing thread
 * ({@link DirectWriteProcessor}), which never touches the interest set either.
 */
public final class IoProcessorPool implements IoProcessor<NioSession> {
    private static final AttributeKey PROCESSOR = new AttributeKey(IoProcessorPool.class, "processor");

    private final ExecutorService threads;
    private final DirectWriteProcessor[] processors;
    private final AtomicInteger next = new AtomicInteger();

    public IoProcessorPool(int size, String name) {
        this.threads = Executors.newCachedThreadPool(
                Thread.ofPlatform().name(name + "-io-", 0).daemon().factory());
        this.processors = new DirectWriteProcessor[size];
        for (int i = 0; i < size; i++) {
            processors[i] = new DirectWriteProcessor(threads);
        }
    }

    @Override
    public void add(NioSession session) {
        DirectWriteProcessor processor = processors[Math.floorMod(next.getAndIncrement(), processors.length)];
        session.setAttribute(PROCESSOR, processor);
        processor.add(session);
    }

    @Override
    public void flush(NioSession session) {
        processor(session).flush(session);
    }

    /** Called by MINA when nothing is queued for the connection: sent on the caller's thread when possible. */
    @Override
    public void write(NioSession session, WriteRequest request) {
        DirectWriteProcessor processor = processor(session);
        if (!processor.writeNow(session, request)) {
            processor.write(session, request);
        }
    }

    @Override
    public void updateTrafficControl(NioSession session) {
        processor(session).updateTrafficMask(session);
    }

    @Override
    public void remove(NioSession session) {
        processor(session).remove(session);
    }

    @Override
    public boolean isDisposing() {
        return processors[0].isDisposing();
    }

    @Override
    public boolean isDisposed() {
        return processors[0].isDisposed();
    }

    @Override
    public void dispose() {
        for (DirectWriteProcessor processor : processors) {
            processor.dispose();
        }
        threads.shutdown();
    }

    private static DirectWriteProcessor processor(NioSession session) {
        DirectWriteProcessor processor = (DirectWriteProcessor) session.getAttribute(PROCESSOR);
        if (processor == null) {
            throw new IllegalStateException("connection " + session.getId() + " has no I/O thread");
        }
        return processor;
    }
}
