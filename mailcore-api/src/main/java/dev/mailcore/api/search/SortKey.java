/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.search;

import java.util.Objects;

/**
 * One key of a sort order (IMAP SORT, RFC 5256 and RFC 5957; JMAP Email/query {@code sort}). Ties on all keys are
 * broken by UID (or arrival order) ascending.
 */
public record SortKey(SortField field, boolean reverse) {
    public SortKey {
        Objects.requireNonNull(field, "field");
    }

    public static SortKey ascending(SortField field) {
        return new SortKey(field, false);
    }

    public static SortKey descending(SortField field) {
        return new SortKey(field, true);
    }
}
