/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A resource opened on a thread of its own while the caller opens others: loading and initialising a component's
 * classes is most of a cold start, and two of them load side by side on a machine with two cores or more. Closing
 * waits for the opening to end and closes what it opened, so a start that fails elsewhere leaves nothing open.
 */
public final class Opening<T extends AutoCloseable> implements AutoCloseable {
    private final FutureTask<T> task;

    private Opening(Supplier<T> open) {
        task = new FutureTask<>(open::get);
    }

    /** Starts opening on a new daemon thread named {@code name}, which ends when the opening does. */
    public static <T extends AutoCloseable> Opening<T> start(String name, Supplier<T> open) {
        Opening<T> opening = new Opening<>(open);
        Thread.ofPlatform().name(name).daemon().start(opening.task);
        return opening;
    }

    /** Waits for the resource; rethrows what opening it threw. */
    public T join() {
        try {
            return uninterruptibly();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException r -> throw r;
                case Error r -> throw r;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Waits for the opening and closes the resource if it opened; a failed opening is reported by {@link #join}. */
    @Override
    public void close() throws Exception {
        T opened;
        try {
            opened = uninterruptibly();
        } catch (ExecutionException e) {
            return;
        }
        opened.close();
    }

    /** Closes after {@code failure} elsewhere, adding any error of closing to it as suppressed. */
    public void closeQuietlyInto(Throwable failure) {
        try {
            close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    // A start is not abandoned half-way: an interrupt is kept for the caller to see once the opening has ended.
    private T uninterruptibly() throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
