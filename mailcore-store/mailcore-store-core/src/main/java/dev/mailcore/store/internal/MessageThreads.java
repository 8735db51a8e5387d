/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import dev.mailcore.api.search.ThreadAlgorithm;
import dev.mailcore.api.search.ThreadNode;
import dev.mailcore.store.internal.mime.BaseSubject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two threading algorithms of RFC 5256 over the messages a search matched. REFERENCES links messages by
 * Message-ID, References and In-Reply-To, prunes the placeholders of absent messages, joins threads with the same
 * base subject, and sorts siblings by sent date; ORDEREDSUBJECT groups by base subject alone.
 */
final class MessageThreads {
    /** At most this many References ids of one message are linked, the nearest kept; a digest can list thousands. */
    static final int MAX_REFERENCES = 100;

    /**
     * One message to thread.
     *
     * @param parentIds References, or the first In-Reply-To id without References; oldest first
     * @param sent the Date header, or the arrival time without one
     */
    record Item(long uid, String messageId, List<String> parentIds, String subject, Instant sent) {}

    private MessageThreads() {}

    static List<ThreadNode> thread(List<Item> items, ThreadAlgorithm algorithm) {
        return switch (algorithm) {
            case ORDERED_SUBJECT -> orderedSubject(items);
            case REFERENCES -> references(items);
        };
    }

    private static final Comparator<Item> BY_SENT =
            Comparator.comparing(Item::sent).thenComparingLong(Item::uid);

    private static List<ThreadNode> orderedSubject(List<Item> items) {
        Map<String, List<Item>> bySubject = new LinkedHashMap<>();
        for (Item item : items) {
            bySubject
                    .computeIfAbsent(BaseSubject.of(item.subject()), s -> new ArrayList<>())
                    .add(item);
        }
        List<List<Item>> threads = new ArrayList<>();
        for (List<Item> group : bySubject.values()) {
            group.sort(BY_SENT);
            threads.add(group);
        }
        threads.sort(Comparator.comparing(group -> group.get(0), BY_SENT));
        List<ThreadNode> out = new ArrayList<>(threads.size());
        for (List<Item> group : threads) {
            List<ThreadNode> children = group.subList(1, group.size()).stream()
                    .map(i -> new ThreadNode(i.uid(), List.of()))
                    .toList();
            out.add(new ThreadNode(group.get(0).uid(), children));
        }
        return out;
    }

    /** A node while threads are built: a message, or a placeholder for one that is only referenced. */
    private static final class Container {
        Item item;
        Container parent;
        final List<Container> children = new ArrayList<>();

        boolean isDummy() {
            return item == null;
        }

        boolean hasAncestor(Container other) {
            for (Container c = this; c != null; c = c.parent) {
                if (c == other) {
                    return true;
                }
            }
            return false;
        }

        void adopt(Container child) {
            if (child.parent != null) {
                child.parent.children.remove(child);
            }
            child.parent = this;
            children.add(child);
        }

        /** The message that speaks for this container: its own, or its first child's. */
        Item representative() {
            return item != null ? item : children.get(0).representative();
        }

        Instant sent() {
            return representative().sent();
        }
    }

    private static List<ThreadNode> references(List<Item> items) {
        List<Container> roots = rootSet(link(items));
        roots = prune(roots, true);
        roots = gatherBySubject(roots);
        return sorted(roots);
    }

    /** Step 1: one container per Message-ID, linked along each message's references. */
    private static List<Container> link(List<Item> items) {
        Map<String, Container> byId = new HashMap<>();
        List<Container> all = new ArrayList<>();
        for (Item item : items) {
            Container own = item.messageId() == null ? null : byId.get(item.messageId());
            if (own == null || !own.isDummy()) {
                // No Message-ID, or a duplicate: the message gets a container of its own.
                own = new Container();
                all.add(own);
                if (item.messageId() != null && !byId.containsKey(item.messageId())) {
                    byId.put(item.messageId(), own);
                }
            }
            own.item = item;
            List<String> ids = item.parentIds();
            ids = ids.subList(Math.max(0, ids.size() - MAX_REFERENCES), ids.size());
            Container previous = null;
            for (String id : ids) {
                Container ref = byId.computeIfAbsent(id, k -> {
                    Container dummy = new Container();
                    all.add(dummy);
                    return dummy;
                });
                if (previous != null && ref.parent == null && ref != previous && !previous.hasAncestor(ref)) {
                    previous.adopt(ref);
                }
                previous = ref;
            }
            // The message's own references are authoritative for its parent.
            if (own.parent != null) {
                own.parent.children.remove(own);
                own.parent = null;
            }
            if (previous != null && previous != own && !previous.hasAncestor(own)) {
                previous.adopt(own);
            }
        }
        return all;
    }

    /** Step 2: the containers without a parent. */
    private static List<Container> rootSet(List<Container> all) {
        List<Container> roots = new ArrayList<>();
        for (Container c : all) {
            if (c.parent == null) {
                roots.add(c);
            }
        }
        return roots;
    }

    /**
     * Step 4: placeholders without children go; a placeholder with children gives them to its parent, except at the
     * top, where it stays when it holds more than one.
     */
    private static List<Container> prune(List<Container> level, boolean top) {
        List<Container> out = new ArrayList<>();
        for (Container c : level) {
            List<Container> kept = prune(new ArrayList<>(c.children), false);
            c.children.clear();
            for (Container child : kept) {
                child.parent = c;
                c.children.add(child);
            }
            if (!c.isDummy()) {
                out.add(c);
            } else if (!c.children.isEmpty()) {
                if (top && c.children.size() > 1) {
                    out.add(c);
                } else {
                    for (Container child : c.children) {
                        child.parent = c.parent;
                        out.add(child);
                    }
                }
            }
        }
        return out;
    }

    /** Step 5: threads whose roots share a base subject are joined. */
    private static List<Container> gatherBySubject(List<Container> roots) {
        Map<String, Container> table = new HashMap<>();
        for (Container c : roots) {
            String subject = BaseSubject.of(c.representative().subject());
            if (subject.isEmpty()) {
                continue;
            }
            Container old = table.get(subject);
            if (old == null
                    || (c.isDummy() && !old.isDummy())
                    || (!old.isDummy() && isReply(old) && !c.isDummy() && !isReply(c))) {
                table.put(subject, c);
            }
        }
        List<Container> out = new ArrayList<>(roots);
        for (Container c : roots) {
            String subject = BaseSubject.of(c.representative().subject());
            Container other = subject.isEmpty() ? null : table.get(subject);
            if (other == null || other == c || c.parent != null) {
                continue;
            }
            out.remove(c);
            if (c.isDummy() && other.isDummy()) {
                for (Container child : new ArrayList<>(c.children)) {
                    other.adopt(child);
                }
            } else if (other.isDummy()) {
                other.adopt(c);
            } else if (c.isDummy()) {
                out.remove(other);
                c.adopt(other);
                table.put(subject, c);
                out.add(c);
            } else if (!isReply(other) && isReply(c)) {
                other.adopt(c);
            } else {
                Container dummy = new Container();
                int at = out.indexOf(other);
                if (at >= 0) {
                    out.set(at, dummy);
                } else {
                    out.add(dummy);
                }
                dummy.adopt(other);
                dummy.adopt(c);
                table.put(subject, dummy);
            }
        }
        return out;
    }

    private static boolean isReply(Container c) {
        return BaseSubject.isReplyOrForward(c.representative().subject());
    }

    /** Step 6: siblings by sent date (a placeholder by its first child's), ties by UID. */
    private static List<ThreadNode> sorted(List<Container> level) {
        List<Map.Entry<Container, ThreadNode>> nodes = new ArrayList<>(level.size());
        for (Container c : level) {
            List<ThreadNode> children = sorted(c.children);
            nodes.add(Map.entry(c, new ThreadNode(c.isDummy() ? 0 : c.item.uid(), children)));
        }
        nodes.sort(Comparator.comparing((Map.Entry<Container, ThreadNode> e) -> firstItem(e.getKey()), BY_SENT));
        return nodes.stream().map(Map.Entry::getValue).toList();
    }

    /** The message that dates a container: its own, or its earliest child's. */
    private static Item firstItem(Container c) {
        if (!c.isDummy()) {
            return c.item;
        }
        return c.children.stream().map(MessageThreads::firstItem).min(BY_SENT).orElseThrow();
    }
}
