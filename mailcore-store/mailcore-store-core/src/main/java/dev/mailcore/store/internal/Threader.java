/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import dev.mailcore.api.ThreadId;
import dev.mailcore.api.message.MessageSummary;
import dev.mailcore.api.spi.MetadataTransaction;
import dev.mailcore.api.spi.ThreadKey;
import dev.mailcore.store.internal.mime.BaseSubject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Puts a new email into a thread: it joins the thread of a message it names (its own Message-ID, In-Reply-To or
 * References, nearest first) when that thread has the same base subject (RFC 5256 §2.1); otherwise it starts a new
 * thread. Requiring the subject to match keeps a reply that changed the topic, or a list digest that references
 * everything, from gluing unrelated conversations together — the rule JMAP servers commonly use.
 */
public final class Threader {
    /** At most this many referenced ids are looked at, nearest first, so a huge References header costs little. */
    static final int MAX_REFERENCES = 100;

    private final IdFactory ids;

    public Threader(IdFactory ids) {
        this.ids = ids;
    }

    public ThreadId assign(MetadataTransaction tx, MessageSummary summary) {
        String base = BaseSubject.of(summary.subject());
        List<String> candidates = candidates(summary);
        Map<String, ThreadKey> known = tx.threadKeys(candidates);
        ThreadId thread = null;
        for (String id : candidates) {
            ThreadKey key = known.get(id);
            if (key != null && key.baseSubject().equals(base)) {
                thread = key.threadId();
                break;
            }
        }
        if (thread == null) {
            thread = ids.newThreadId();
        }
        List<ThreadKey> fresh = new ArrayList<>();
        for (String id : candidates) {
            if (!known.containsKey(id)) {
                fresh.add(new ThreadKey(id, thread, base));
            }
        }
        if (!fresh.isEmpty()) {
            tx.putThreadKeys(fresh);
        }
        return thread;
    }

    /** Own Message-ID, then In-Reply-To, then References from the nearest (last) backwards. */
    private static List<String> candidates(MessageSummary summary) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        addIfPresent(ids, summary.messageId());
        summary.inReplyTo().forEach(id -> addIfPresent(ids, id));
        List<String> references = summary.references();
        for (int i = references.size() - 1; i >= 0 && ids.size() < MAX_REFERENCES; i--) {
            addIfPresent(ids, references.get(i));
        }
        return new ArrayList<>(ids);
    }

    private static void addIfPresent(LinkedHashSet<String> ids, String id) {
        if (id != null && !id.isBlank() && id.length() <= 998) {
            ids.add(id);
        }
    }
}
