/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp;

import java.util.Map;
import java.util.Objects;

/** What a {@link MessageFilter} decides about a message: for all its recipients, or per recipient. */
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

    /** See {@link #perRecipient(Map)}. A nested per-recipient verdict counts as accept. */
    record PerRecipient(Map<String, Verdict> verdicts) implements Verdict {
        public PerRecipient {
            verdicts = Map.copyOf(verdicts);
        }
    }
}
