/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp.internal;

import dev.mailcore.net.Literal;

/**
 * The BDAT side of one transaction (RFC 3030): collects the chunks, enforces the size limit over all of them, and
 * after a failed chunk answers every further one with the same failure until the last.
 */
final class BdatTransfer {
    /** What one BDAT leads to. */
    sealed interface Outcome {
        /** A reply for the client; {@code ends} when it closes the transaction (a failed last chunk). */
        record Answer(Reply reply, boolean ends) implements Outcome {}

        /** The last chunk arrived: the whole message, which the caller closes. */
        record Complete(Literal message) implements Outcome {}
    }

    private final long maxSize;
    private ChunkedMessage chunks;
    private Reply failure;

    BdatTransfer(long maxSize) {
        this.maxSize = maxSize;
    }

    /** Whether a BDAT came in this transaction (so DATA may not). */
    boolean started() {
        return chunks != null || failure != null;
    }

    /** How many more octets the message may take: a larger chunk is read without being kept. */
    long room() {
        if (failure != null) {
            return 0;
        }
        return maxSize - (chunks == null ? 0 : chunks.size());
    }

    /** One chunk, or null when it was larger than {@link #room()} and dropped. */
    Outcome chunk(SmtpCommand.Bdat bdat, Literal chunk) {
        if (failure != null) {
            return new Outcome.Answer(failure, bdat.last());
        }
        if (chunk == null) {
            discard();
            failure = Reply.of(552, "5.3.4", "Message too big; the limit is " + maxSize);
            return new Outcome.Answer(failure, bdat.last());
        }
        if (chunks == null) {
            chunks = new ChunkedMessage();
        }
        chunks.append(chunk);
        if (!bdat.last()) {
            return new Outcome.Answer(Reply.of(250, "2.0.0", bdat.size() + " octets received"), false);
        }
        Literal message = chunks.finish();
        chunks = null;
        return new Outcome.Complete(message);
    }

    /** Makes the rest of a started transfer fail with {@code reply} (a chunk was lost). */
    void fail(Reply reply) {
        if (started()) {
            discard();
            failure = reply;
        }
    }

    /** Drops what was collected. */
    void discard() {
        if (chunks != null) {
            chunks.discard();
            chunks = null;
        }
    }
}
