/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

import java.util.List;

/**
 * Changes of an account after a MODSEQ, oldest first.
 *
 * @param since the MODSEQ asked for
 * @param until the MODSEQ this set brings the caller to: the newest included when {@code hasMore}, else the
 *     account's MODSEQ at the time of reading
 * @param hasMore whether changes after {@code until} were left out because of the limit
 */
public record ChangeSet(long since, long until, List<Change> changes, boolean hasMore) {
    public ChangeSet {
        changes = List.copyOf(changes);
    }
}
