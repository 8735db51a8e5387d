/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.memory.internal;

import dev.mailcore.api.EmailId;
import dev.mailcore.api.spi.ArrivalOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * A mailbox's emails in the order of {@code MetadataReader.emailsByArrival}, kept up to date on every add and
 * removal, so a page of a mailbox listed newest first costs the page, not a sort of the mailbox. Mutable; guarded
 * by the account's lock.
 */
final class Arrivals {
    private record Entry(Instant receivedAt, EmailId email) {}

    private static final Comparator<Entry> NEWEST_FIRST = ArrivalOrder.by(Entry::receivedAt, Entry::email);

    private final TreeSet<Entry> entries = new TreeSet<>(NEWEST_FIRST);

    void add(Instant receivedAt, EmailId email) {
        entries.add(new Entry(receivedAt, email));
    }

    void remove(Instant receivedAt, EmailId email) {
        entries.remove(new Entry(receivedAt, email));
    }

    /**
     * At most {@code limit} emails from {@code position} on, walked from whichever end of the order is nearer the
     * page, so the oldest page of a large mailbox is as cheap as the newest.
     */
    List<EmailId> page(int position, int limit) {
        int size = entries.size();
        int end = (int) Math.min(size, (long) position + limit);
        List<EmailId> out = new ArrayList<>(Math.max(0, end - position));
        if (position >= end) {
            return out;
        }
        if (end <= size - position) {
            Iterator<Entry> it = entries.iterator();
            for (int i = 0; i < end; i++) {
                Entry entry = it.next();
                if (i >= position) {
                    out.add(entry.email());
                }
            }
        } else {
            Iterator<Entry> it = entries.descendingIterator();
            for (int i = size - 1; i >= position; i--) {
                Entry entry = it.next();
                if (i < end) {
                    out.add(entry.email());
                }
            }
            Collections.reverse(out);
        }
        return out;
    }
}
