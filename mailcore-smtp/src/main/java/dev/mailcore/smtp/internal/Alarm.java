/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp.internal;

import dev.mailcore.net.Connection;
import java.time.Duration;

/**
 * Runs a task in a connection's order after a delay, unless cancelled first (the greeting delay, the DATA deadline).
 * The wait is a sleeping virtual thread; the task itself runs as one of the connection's events.
 */
final class Alarm {
    private final Thread sleeper;
    private volatile boolean cancelled;

    private Alarm(Connection connection, Duration delay, Runnable task) {
        sleeper = Thread.ofVirtual().name("mailcore-smtp-alarm").start(() -> {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                return;
            }
            connection.submit(() -> {
                if (!cancelled) {
                    task.run();
                }
            });
        });
    }

    static Alarm after(Connection connection, Duration delay, Runnable task) {
        return new Alarm(connection, delay, task);
    }

    /** Called in the connection's order: the task will not run after this returns. */
    void cancel() {
        cancelled = true;
        sleeper.interrupt();
    }
}
