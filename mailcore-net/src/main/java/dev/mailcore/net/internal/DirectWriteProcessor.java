/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.AbstractIoSession;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.SessionState;
import org.apache.mina.core.write.WriteRequest;
import org.apache.mina.transport.socket.nio.NioProcessor;
import org.apache.mina.transport.socket.nio.NioSession;

/**
 * One I/O thread that lets the writing thread put a response on the socket itself when nothing of the connection is
 * waiting to be sent, instead of queueing it and waking the I/O thread's selector: a reply then costs one thread hand-off
 * less (the selector wake-up was the largest cost of a short command).
 *
 * <p>The rules that keep MINA's order and its selection-key state intact:
 *
 * <ul>
 *   <li>Each connection has a write lock. The writing thread only tries it; the I/O thread takes it before it sends the
 *       connection's queue or closes its channel (MINA always clears the write interest first, and that is where it is
 *       taken) and keeps it until it next waits for the selector. So the two never write one socket at once, and a
 *       direct write never overtakes a request that the I/O thread took from the queue but has not sent yet.
 *   <li>A direct write happens only while the queue is empty and no request is half sent; otherwise the request joins
 *       the queue as before.
 *   <li>The writing thread never changes the selection key. When the socket takes only part of a response, the rest is
 *       queued, and the I/O thread (woken as before) sends it and waits for the socket to drain: the interest set stays
 *       the I/O thread's alone (see {@link IoProcessorPool}).
 *   <li>The write is non-blocking and the bytes are those the filters produced (TLS records, compressed data), each
 *       response in one write call; the future completes and {@code messageSent} fires as after a queued write, under
 *       the lock, so they keep the writes' order.
 * </ul>
 */
final class DirectWriteProcessor extends NioProcessor {
    private static final AttributeKey WRITE_LOCK = new AttributeKey(DirectWriteProcessor.class, "writeLock");

    /** The connections whose write lock the I/O thread holds; touched on the I/O thread only. */
    private final List<ReentrantLock> held = new ArrayList<>();

    DirectWriteProcessor(Executor executor) {
        super(executor);
    }

    /**
     * Writes the request on the caller's thread when that is safe now.
     *
     * @return false when nothing was done and the request must go through the queue
     */
    boolean writeNow(NioSession session, WriteRequest request) {
        if (!(request.getMessage() instanceof IoBuffer buffer)
                || !buffer.hasRemaining()
                || request == AbstractIoSession.CLOSE_REQUEST
                || !(session.getAttribute(WRITE_LOCK) instanceof ReentrantLock lock)
                || lock.isHeldByCurrentThread()
                || !lock.tryLock()) {
            return false;
        }
        try {
            if (getState(session) != SessionState.OPENED
                    || session.isClosing()
                    || session.isWriteSuspended()
                    || session.getCurrentWriteRequest() != null
                    || !session.getWriteRequestQueue().isEmpty(session)) {
                return false;
            }
            int written;
            try {
                written = write(session, buffer, buffer.remaining());
            } catch (IOException e) {
                session.decreaseScheduledBytesAndMessages(request);
                request.getFuture().setException(e);
                session.closeNow();
                return true;
            }
            session.increaseWrittenBytes(written, System.currentTimeMillis());
            if (buffer.hasRemaining()) {
                // The socket is full: the I/O thread sends the rest when it can, after this lock is released.
                super.write(session, request);
            } else {
                session.getFilterChain().fireMessageSent(request);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    protected void init(NioSession session) throws Exception {
        session.setAttribute(WRITE_LOCK, new ReentrantLock());
        super.init(session);
    }

    /** MINA calls this first when it sends a connection's queue (and when it applies traffic control): lock it. */
    @Override
    protected void setInterestedInWrite(NioSession session, boolean interested) throws Exception {
        lockOnIoThread(session);
        super.setInterestedInWrite(session, interested);
    }

    /**
     * MINA sets the write interest from the queue alone when a connection stops or resumes reading, and so dropped it
     * while a response taken from the queue was half sent: that response then waited for the next write, forever if
     * its writer was waiting for it. Runs on the I/O thread.
     */
    @Override
    public void updateTrafficControl(NioSession session) {
        super.updateTrafficControl(session);
        if (session.getCurrentWriteRequest() != null && !session.isWriteSuspended()) {
            try {
                setInterestedInWrite(session, true);
            } catch (Exception e) {
                session.getFilterChain().fireExceptionCaught(e);
            }
        }
    }

    @Override
    protected void destroy(NioSession session) throws Exception {
        lockOnIoThread(session);
        super.destroy(session);
    }

    @Override
    protected int select(long timeout) throws Exception {
        releaseHeld();
        return super.select(timeout);
    }

    @Override
    protected int select() throws Exception {
        releaseHeld();
        return super.select();
    }

    private void lockOnIoThread(NioSession session) {
        if (session.getAttribute(WRITE_LOCK) instanceof ReentrantLock lock && !lock.isHeldByCurrentThread()) {
            // Waits at most for one non-blocking write in progress on another thread.
            lock.lock();
            held.add(lock);
        }
    }

    private void releaseHeld() {
        for (ReentrantLock lock : held) {
            // A processor thread that ended with no connections left is replaced by a new one: only own locks.
            if (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
        }
        held.clear();
    }
}
