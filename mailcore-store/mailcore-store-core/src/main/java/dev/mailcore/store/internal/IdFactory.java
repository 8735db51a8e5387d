/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.ThreadId;
import java.util.random.RandomGenerator;

/**
 * Makes new object ids: a type letter and 16 characters of Crockford base32 (80 random bits), short enough to read
 * in a log and unguessable enough that ids of different accounts never collide in practice. The random source is
 * injectable so tests can make ids deterministic.
 */
public final class IdFactory {
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final int CHARS = 16;

    private final RandomGenerator random;

    public IdFactory(RandomGenerator random) {
        this.random = random;
    }

    public MailboxId newMailboxId() {
        return new MailboxId(next('M'));
    }

    public EmailId newEmailId() {
        return new EmailId(next('E'));
    }

    public ThreadId newThreadId() {
        return new ThreadId(next('T'));
    }

    private String next(char type) {
        char[] out = new char[CHARS + 1];
        out[0] = type;
        long high = random.nextLong();
        long low = random.nextLong();
        for (int i = 0; i < CHARS; i++) {
            long source = i < 8 ? high : low;
            out[i + 1] = ALPHABET[(int) ((source >>> (5 * (i % 8))) & 31)];
        }
        return new String(out);
    }
}
