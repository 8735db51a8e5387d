/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.spi;

import java.util.Comparator;

/** The order of {@link MetadataReader#emailsByArrival}, for adapters that keep it and for the default. */
public final class ArrivalOrder {
    /** Newest received first; emails received at the same instant by id ascending. */
    public static final Comparator<EmailRecord> NEWEST_FIRST =
            Comparator.comparing(EmailRecord::receivedAt).reversed().thenComparing(EmailRecord::id);

    private ArrivalOrder() {}

    /** Rejects a negative position or limit of a page. */
    public static void checkPage(int position, int limit) {
        if (position < 0 || limit < 0) {
            throw new IllegalArgumentException("position and limit must not be negative: " + position + ", " + limit);
        }
    }
}
