/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.spi;

import dev.mailcore.api.EmailId;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;

/** The order of {@link MetadataReader#emailsByArrival}, for adapters that keep it and for the default. */
public final class ArrivalOrder {
    /** Newest received first; emails received at the same instant by id ascending. */
    public static final Comparator<EmailRecord> NEWEST_FIRST = by(EmailRecord::receivedAt, EmailRecord::id);

    private ArrivalOrder() {}

    /** The same order over anything that carries an email's arrival time and id, such as an adapter's own entries. */
    public static <T> Comparator<T> by(Function<? super T, Instant> receivedAt, Function<? super T, EmailId> id) {
        return Comparator.<T, Instant>comparing(receivedAt).reversed().thenComparing(id);
    }

    /** Rejects a negative position or limit of a page. */
    public static void checkPage(int position, int limit) {
        if (position < 0 || limit < 0) {
            throw new IllegalArgumentException("position and limit must not be negative: " + position + ", " + limit);
        }
    }
}
