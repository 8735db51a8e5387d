/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net.internal;

import dev.mailcore.net.Connection;
import dev.mailcore.net.Frame;
import dev.mailcore.net.ProtocolFactory;
import dev.mailcore.net.ProtocolHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilterChain;
import org.apache.mina.core.future.WriteFuture;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one connection: its framer, its queue of events and the protocol handler that consumes them on a
 * virtual thread, one event at a time.
 */
public final class MinaConnection implements Connection, Framer.Output, SpoolWriter.Flow {
    private static final Logger LOG = LoggerFactory.getLogger(MinaConnection.class);
    private static final int SUSPEND_AT = 64;
    private static final int RESUME_AT = 8;
    /** How long a writer waits for the client before it checks that the connection is still there. */
    private static final long WRITE_WAIT_MILLIS = 1_000;

    private final IoSession session;
    private final Framer framer;
    private final Executor executor;
    private final SSLContext sslContext;
    private final ProtocolHandler handler;
    private final Object lock = new Object();
    private final WriteWindow writes = new WriteWindow();
    private final Deque<Runnable> queue = new ArrayDeque<>();
    private volatile boolean secure;
    private boolean running;
    private boolean suspended;
    private boolean spoolPaused;
    private boolean tlsPending;
    private boolean closed;
    private volatile boolean compressed;
    private final AddressCounter counter;
    private final String refusal;
    private InetAddress counted;

    public MinaConnection(
            IoSession session,
            Framer framer,
            Executor executor,
            SSLContext sslContext,
            boolean secure,
            ProtocolFactory factory,
            AddressCounter counter) {
        this.session = session;
        this.counter = counter;
        this.refusal = factory.refusal();
        this.framer = framer;
        this.executor = executor;
        this.sslContext = sslContext;
        this.secure = secure;
        this.handler = factory.create(this);
        framer.spool().flow(this);
    }

    @Override
    public long id() {
        return session.getId();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        InetSocketAddress proxied = ProxyProtocolFilter.client(session);
        return proxied != null ? proxied : (InetSocketAddress) session.getRemoteAddress();
    }

    @Override
    public boolean isLoopback() {
        InetSocketAddress address = remoteAddress();
        return address != null
                && address.getAddress() != null
                && address.getAddress().isLoopbackAddress();
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public Optional<SSLSession> tlsSession() {
        return secure ? TlsFilter.tlsSession(session) : Optional.empty();
    }

    @Override
    public boolean canStartTls() {
        return sslContext != null && !secure && !tlsPending;
    }

    @Override
    public void write(ByteBuffer bytes) {
        if (!session.isConnected()) {
            return;
        }
        send(IoBuffer.wrap(bytes));
        for (WriteFuture oldest; (oldest = writes.overLimit()) != null; ) {
            // A write whose connection went away may never complete.
            if (!oldest.awaitUninterruptibly(WRITE_WAIT_MILLIS) && !session.isConnected()) {
                return;
            }
        }
    }

    @Override
    public void startTls(ByteBuffer reply) {
        synchronized (lock) {
            if (!canStartTls()) {
                throw new IllegalStateException("STARTTLS is not possible on this connection");
            }
            tlsPending = true;
            framer.reset();
            dropQueuedFrames();
            // Reads stay off until the TLS filter is in: the client's handshake, sent as soon as it sees the reply,
            // must wait in the socket, not race the filter (and be taken for injected plaintext).
            suspended = false;
            session.suspendRead();
        }
        // MINA 2.2: the filter goes in once the plaintext reply has left; anything read before then is injected.
        session.write(IoBuffer.wrap(reply)).addListener(future -> {
            session.getFilterChain().addFirst("tls", new TlsFilter(sslContext));
            synchronized (lock) {
                tlsPending = false;
                // Every byte read from now on went through TLS: a request is only framed after the handshake.
                secure = true;
            }
            session.resumeRead();
        });
    }

    @Override
    public void startCompression(ByteBuffer reply) {
        IoBuffer plain = IoBuffer.wrap(reply);
        synchronized (lock) {
            if (compressed) {
                throw new IllegalStateException("the connection is already compressed");
            }
            compressed = true;
            // In before the reply is written, so nothing written after it can overtake the filter.
            DeflateFilter filter = new DeflateFilter(plain);
            IoFilterChain chain = session.getFilterChain();
            if (chain.contains("tls")) {
                chain.addAfter("tls", "deflate", filter);
            } else {
                chain.addFirst("deflate", filter);
            }
        }
        send(plain);
    }

    @Override
    public boolean isCompressed() {
        return compressed;
    }

    @Override
    public void receiveData(long maxSize) {
        synchronized (lock) {
            if (!closed) {
                framer.receiveData(maxSize, this);
                resumeAfterHold();
            }
        }
    }

    @Override
    public void receiveExact(long size, long maxSize) {
        synchronized (lock) {
            if (!closed) {
                framer.receiveExact(size, maxSize, this);
                resumeAfterHold();
            }
        }
    }

    @Override
    public void resumeLines() {
        synchronized (lock) {
            if (!closed) {
                framer.resumeLines(this);
                resumeAfterHold();
            }
        }
    }

    @Override
    public void submit(Runnable task) {
        enqueue(task);
    }

    @Override
    public void close() {
        closeAfterWrites();
    }

    /** Called on the I/O thread with the bytes received. */
    public void received(IoBuffer buffer) {
        synchronized (lock) {
            if (tlsPending || closed) {
                buffer.position(buffer.limit());
                return;
            }
            framer.feed(buffer.buf(), this);
            if (framer.held()) {
                session.suspendRead();
            }
        }
    }

    /** Called when the TLS handshake completed. */
    public void secured() {
        secure = true;
    }

    /** Called when the connection is open (behind a PROXY header: once the header named the client). */
    public void opened() {
        InetAddress address = remoteAddress().getAddress();
        synchronized (lock) {
            if (!counter.tryAcquire(address)) {
                LOG.debug("connection {}: refused, over the connection limits for {}", id(), address);
                if (!refusal.isEmpty()) {
                    send(IoBuffer.wrap(refusal.getBytes(StandardCharsets.US_ASCII)));
                }
                closed = true;
                closeAfterWrites();
                return;
            }
            counted = address;
        }
        enqueue(handler::connected);
    }

    public void shutdown() {
        enqueue(() -> {
            handler.shuttingDown();
            closeAfterWrites();
        });
    }

    /** Called when the client was silent for too long. */
    public void idle() {
        enqueue(() -> {
            handler.timedOut();
            closeAfterWrites();
        });
    }

    public void closedByPeer() {
        synchronized (lock) {
            if (counted != null) {
                counter.release(counted);
                counted = null;
            }
            closed = true;
            framer.reset();
            dropQueuedFrames();
        }
        enqueue(handler::closed);
    }

    @Override
    public void frame(Frame frame) {
        enqueue(new FrameTask(frame, framer.spool().mark()));
    }

    @Override
    public void pauseReading() {
        synchronized (lock) {
            spoolPaused = true;
            session.suspendRead();
        }
    }

    @Override
    public void resumeReading() {
        synchronized (lock) {
            spoolPaused = false;
            if (!closed) {
                resumeAfterHold();
            }
        }
    }

    @Override
    public void failed(IOException e) {
        LOG.warn("connection {}: cannot spool a literal; closing: {}", id(), e.toString());
        session.closeNow();
    }

    @Override
    public void send(byte[] bytes) {
        send(IoBuffer.wrap(bytes));
    }

    private void send(IoBuffer bytes) {
        int size = bytes.remaining();
        writes.add(session.write(bytes), size);
    }

    /**
     * Closes the connection once everything written has left. MINA's close-on-flush waits only for what reached the
     * socket's queue, while its TLS filter may still hold written replies unencrypted: the client would lose them.
     */
    private void closeAfterWrites() {
        WriteFuture last = writes.last();
        if (last == null) {
            session.closeOnFlush();
        } else {
            last.addListener(written -> session.closeOnFlush());
        }
    }

    @Override
    public void fail() {
        session.closeNow();
    }

    private void enqueue(Runnable task) {
        synchronized (lock) {
            queue.add(task);
            if (queue.size() >= SUSPEND_AT && !suspended) {
                // Bounded memory under pipelining: stop reading until the handler catches up.
                suspended = true;
                session.suspendRead();
            }
            if (!running) {
                running = true;
                executor.execute(this::drain);
            }
        }
    }

    private void drain() {
        while (true) {
            Runnable task;
            synchronized (lock) {
                task = queue.poll();
                if (suspended && queue.size() <= RESUME_AT) {
                    suspended = false;
                    if (!framer.held() && !tlsPending && !spoolPaused) {
                        session.resumeRead();
                    }
                }
                if (task == null) {
                    running = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("connection {}: the protocol handler failed; closing", id(), e);
                session.closeNow();
            }
        }
    }

    private void resumeAfterHold() {
        if (!framer.held() && !suspended && !tlsPending && !spoolPaused) {
            session.resumeRead();
        }
    }

    private void dropQueuedFrames() {
        queue.removeIf(task -> {
            if (task instanceof FrameTask frameTask) {
                frameTask.discard();
                return true;
            }
            return false;
        });
    }

    private final class FrameTask implements Runnable {
        private final Frame frame;
        private final long spooled;

        /** {@code spooled}: the spool writer's mark when the frame was complete, so its files are written. */
        FrameTask(Frame frame, long spooled) {
            this.frame = frame;
            this.spooled = spooled;
        }

        @Override
        public void run() {
            try {
                framer.spool().await(spooled);
            } catch (IOException e) {
                // The writer has closed the connection.
                discard();
                return;
            }
            handler.received(frame);
        }

        void discard() {
            if (frame instanceof Frame.Request request) {
                framer.spool().afterWrites(request::close);
            }
        }
    }
}
