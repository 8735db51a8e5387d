/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Capture mode for tests: given to {@link SmtpServer.Builder#capture(MailCapture)}, it makes the server accept every
 * recipient of any domain without authentication, and keeps every accepted message here, in order. Recipients the
 * directory knows are also delivered to their INBOX as usual; nothing is relayed.
 *
 * <pre>{@code
 * MailCapture captured = new MailCapture();
 * try (SmtpServer smtp = SmtpServer.builder().store(engine).directory(directory).capture(captured).build()) {
 *     smtp.start();
 *     ... the code under test sends two messages ...
 *     assertTrue(captured.await(2, Duration.ofSeconds(5)));
 *     CapturedMessage first = captured.messages().getFirst();
 * }
 * }</pre>
 *
 * <p>A message is here before the client gets its 250. Safe from any thread; one capture may serve several servers.
 */
public final class MailCapture {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<CapturedMessage> messages = new ArrayList<>();

    /** The messages captured so far, oldest first. */
    public List<CapturedMessage> messages() {
        lock.lock();
        try {
            return List.copyOf(messages);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until at least {@code count} messages were captured (since the start or the last {@link #clear()}).
     *
     * @return whether they arrived within the timeout
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean await(int count, Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (messages.size() < count) {
                if (left <= 0) {
                    return false;
                }
                left = arrived.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the messages captured so far. */
    public void clear() {
        lock.lock();
        try {
            messages.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Keeps a message; called by the server before it answers the client. */
    void add(CapturedMessage message) {
        lock.lock();
        try {
            messages.add(message);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
