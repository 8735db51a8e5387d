/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link MessageFilter} decides about a message: for all its recipients, or per recipient; or to let it go on
 * with other content.
 */
public sealed interface Verdict {
    /** Let the message go on (to the next filter, then to delivery). */
    static Verdict accept() {
        return Accept.INSTANCE;
    }

    /** Refuse for good: the client gets 550 5.7.1 with the reason. */
    static Verdict reject(String reason) {
        return new Reject(reason);
    }

    /** Refuse for now: the client gets 451 4.7.1 with the reason and may try again later. */
    static Verdict tempFail(String reason) {
        return new TempFail(reason);
    }

    /**
     * Let the message go on with these bytes instead (a header field added, a body rewritten): the next filters, the
     * delivery, the outbound queue and a capture see them. The bytes are the whole message as a client would send it,
     * CRLF line ends and no dot-stuffing; the server adds its trace fields in front as usual.
     */
    static Verdict rewrite(byte[] message) {
        return new Rewrite(message);
    }

    /** A verdict per recipient address (as in {@link Envelope#recipients()}); the ones not named are accepted. */
    static Verdict perRecipient(Map<String, Verdict> verdicts) {
        return new PerRecipient(verdicts);
    }

    /** See {@link #accept()}. */
    enum Accept implements Verdict {
        INSTANCE
    }

    /** See {@link #reject(String)}. */
    record Reject(String reason) implements Verdict {
        public Reject {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** See {@link #tempFail(String)}. */
    record TempFail(String reason) implements Verdict {
        public TempFail {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** See {@link #rewrite(byte[])}. */
    record Rewrite(byte[] message) implements Verdict {
        public Rewrite {
            message = message.clone();
        }

        /** A copy of the new content. */
        @Override
        public byte[] message() {
            return message.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Rewrite that && Arrays.equals(message, that.message);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(message);
        }

        @Override
        public String toString() {
            return "Rewrite[" + message.length + " octets]";
        }
    }

    /**
     * See {@link #perRecipient(Map)}. A nested per-recipient verdict counts as accept, and so does a nested rewrite:
     * one message cannot have different content for different recipients.
     */
    record PerRecipient(Map<String, Verdict> verdicts) implements Verdict {
        public PerRecipient {
            verdicts = Map.copyOf(verdicts);
        }
    }
}
