/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import dev.mailcore.api.AccountChanged;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * One open EventSource response (RFC 8620 §7.3), written without blocking and without a thread of its own.
 *
 * <p>At most one write is in flight. What arrives meanwhile waits in two slots: the next {@code state} event, where a
 * newer change merges into the waiting one (a newer StateChange supersedes an older one), and one ping or keep-alive
 * comment. So a client that reads slowly, or not at all, holds at most three buffers; its stalled write fails at the
 * connection's idle timeout, which ends the stream.
 *
 * <p>The stream ends, completing the request's callback exactly once, when: its last write (after the first state
 * event with {@code closeafter=state}, or after {@link #end()}) succeeds; a write fails because the client went
 * away; or Jetty fails the request. Then {@code onEnd} releases it from its feed.
 */
final class EventStream implements Callback {
    private static final ByteBuffer OPEN = ascii(": open\n\n");
    private static final ByteBuffer KEEPALIVE = ascii(":\n\n");
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    /** A beat due within this much of now is sent now rather than rescheduled for the rest. */
    private static final long BEAT_SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final String quotedAccountId;
    private final Set<String> types;
    private final boolean closeAfterState;
    private final Response response;
    private final Callback completion;
    private final Consumer<EventStream> onEnd;

    // Guarded by this.
    private boolean writing;
    private boolean lastWriting;
    private AccountChanged waitingChange;
    private ByteBuffer waitingState;
    private ByteBuffer waitingBeat = OPEN.slice();
    private boolean ending;
    private boolean ended;
    private long lastSentNanos = System.nanoTime();
    private Scheduler.Task beat;

    EventStream(
            String quotedAccountId,
            Set<String> types,
            boolean closeAfterState,
            Response response,
            Callback completion,
            Consumer<EventStream> onEnd) {
        this.quotedAccountId = quotedAccountId;
        this.types = types;
        this.closeAfterState = closeAfterState;
        this.response = response;
        this.completion = completion;
        this.onEnd = onEnd;
    }

    /** The types the client asked for; empty stands for all. */
    Set<String> types() {
        return types;
    }

    /** Writes the opening comment, which commits the response, and starts the beat. */
    void open(Scheduler scheduler, long pingSeconds) {
        long interval = TimeUnit.SECONDS.toNanos(pingSeconds > 0 ? pingSeconds : EventSourceEndpoint.KEEPALIVE_SECONDS);
        ByteBuffer beatBytes =
                pingSeconds > 0 ? ascii("event: ping\ndata: {\"interval\":" + pingSeconds + "}\n\n") : KEEPALIVE;
        synchronized (this) {
            beat = scheduler.schedule(() -> beat(scheduler, interval, beatBytes), interval, TimeUnit.NANOSECONDS);
        }
        pump();
    }

    /**
     * Queues the state event of a change: {@code event} is the encoded event shared with every stream of the same
     * types (never written to), or null when the change touches none of this stream's types.
     */
    void offer(AccountChanged change, ByteBuffer event) {
        if (event == null) {
            return;
        }
        synchronized (this) {
            if (ended || ending) {
                return;
            }
            if (waitingChange == null) {
                waitingChange = change;
                waitingState = event.slice();
            } else {
                waitingChange = merged(waitingChange, change);
                waitingState = encode(quotedAccountId, waitingChange, types);
            }
        }
        pump();
    }

    /** Ends the stream once what is queued has gone out. */
    void end() {
        synchronized (this) {
            ending = true;
        }
        pump();
    }

    private void beat(Scheduler scheduler, long interval, ByteBuffer beatBytes) {
        synchronized (this) {
            if (ended) {
                return;
            }
            long quiet = System.nanoTime() - lastSentNanos;
            long next = interval;
            if (quiet < interval - BEAT_SLACK_NANOS) {
                // An event went out meanwhile: a ping is due an interval after it.
                next = interval - quiet;
            } else if (!writing && waitingState == null && waitingBeat == null) {
                waitingBeat = beatBytes.slice();
            }
            beat = scheduler.schedule(() -> beat(scheduler, interval, beatBytes), next, TimeUnit.NANOSECONDS);
        }
        pump();
    }

    /** Starts the next write when none is in flight. */
    private void pump() {
        ByteBuffer next;
        boolean last = false;
        synchronized (this) {
            if (writing || ended) {
                return;
            }
            if (waitingBeat != null) {
                next = waitingBeat;
                waitingBeat = null;
            } else if (waitingState != null) {
                next = waitingState;
                waitingState = null;
                waitingChange = null;
                ending |= closeAfterState;
            } else if (ending) {
                next = NOTHING;
                last = true;
                lastWriting = true;
            } else {
                return;
            }
            writing = true;
            lastSentNanos = System.nanoTime();
        }
        response.write(last, next, this);
    }

    @Override
    public void succeeded() {
        boolean finished;
        synchronized (this) {
            writing = false;
            finished = lastWriting;
        }
        if (finished) {
            finish(null);
        } else {
            pump();
        }
    }

    @Override
    public void failed(Throwable failure) {
        finish(failure);
    }

    /** Ends the stream: the client went away, or the request failed (Jetty also fails any write in flight). */
    void abort(Throwable failure) {
        finish(failure);
    }

    @Override
    public InvocationType getInvocationType() {
        // Completions only move buffers between slots and start the next non-blocking write.
        return InvocationType.NON_BLOCKING;
    }

    private void finish(Throwable failure) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            waitingBeat = null;
            waitingState = null;
            waitingChange = null;
            if (beat != null) {
                beat.cancel();
            }
        }
        onEnd.accept(this);
        if (failure == null) {
            completion.succeeded();
        } else {
            completion.failed(failure);
        }
    }

    /** The {@code state} event of a change for the given types, or null when none of them changed. */
    static ByteBuffer encode(String quotedAccountId, AccountChanged change, Set<String> types) {
        String stateChange = EventSourceEndpoint.stateChange(quotedAccountId, change, types, false);
        if (stateChange == null) {
            return null;
        }
        byte[] bytes = ("event: state\ndata: " + stateChange + "\n\n").getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    /** One change standing for two: the newer state, for every type either touched. */
    static AccountChanged merged(AccountChanged older, AccountChanged newer) {
        return new AccountChanged(
                newer.account(),
                Math.max(older.modSeq(), newer.modSeq()),
                Set.of(),
                older.mailboxesChanged() || newer.mailboxesChanged(),
                older.emailsChanged() || newer.emailsChanged());
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)).asReadOnlyBuffer();
    }
}
