/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import dev.mailcore.api.Mailbox;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.spi.MailboxRecord;
import dev.mailcore.api.spi.MailboxState;
import dev.mailcore.api.spi.MetadataReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An account's mailboxes as a tree, read in one transaction: paths, lookups by path, children, ordering. */
public final class MailboxTree {
    private static final Comparator<MailboxRecord> SIBLING_ORDER = Comparator.comparing(
                    (MailboxRecord r) -> !r.name().equals(Mailbox.INBOX) || r.parentId() != null)
            .thenComparingInt(MailboxRecord::sortOrder)
            .thenComparing(MailboxRecord::name);

    private final Map<MailboxId, MailboxRecord> byId = new HashMap<>();
    private final Map<MailboxId, List<MailboxRecord>> children = new HashMap<>();
    private final Map<MailboxId, String> paths = new HashMap<>();
    private final Map<String, MailboxRecord> byPath = new HashMap<>();

    private MailboxTree(List<MailboxRecord> records) {
        for (MailboxRecord record : records) {
            byId.put(record.id(), record);
        }
        for (MailboxRecord record : records) {
            children.computeIfAbsent(record.parentId(), k -> new ArrayList<>()).add(record);
        }
        children.values().forEach(list -> list.sort(SIBLING_ORDER));
        for (MailboxRecord record : records) {
            String path = computePath(record);
            paths.put(record.id(), path);
            byPath.put(path, record);
        }
    }

    public static MailboxTree read(MetadataReader reader) {
        return new MailboxTree(reader.mailboxes());
    }

    private String computePath(MailboxRecord record) {
        StringBuilder sb = new StringBuilder(record.name());
        MailboxRecord current = record;
        int guard = 0;
        while (current.parentId() != null && guard++ < MailboxNames.MAX_DEPTH * 4) {
            current = byId.get(current.parentId());
            if (current == null) {
                break;
            }
            sb.insert(0, current.name() + Mailbox.DELIMITER);
        }
        return sb.toString();
    }

    public Optional<MailboxRecord> get(MailboxId id) {
        return Optional.ofNullable(byId.get(id));
    }

    public String path(MailboxId id) {
        return paths.get(id);
    }

    /** The mailbox at the path given as validated levels (see {@link MailboxNames#split}). */
    public Optional<MailboxRecord> byLevels(List<String> levels) {
        return Optional.ofNullable(byPath.get(String.join(String.valueOf(Mailbox.DELIMITER), levels)));
    }

    public List<MailboxRecord> children(MailboxId parent) {
        return children.getOrDefault(parent, List.of());
    }

    /** Whether {@code candidate} is {@code ancestor} or below it. */
    public boolean isSelfOrDescendant(MailboxId candidate, MailboxId ancestor) {
        MailboxRecord current = byId.get(candidate);
        int guard = 0;
        while (current != null && guard++ < MailboxNames.MAX_DEPTH * 4) {
            if (current.id().equals(ancestor)) {
                return true;
            }
            current = current.parentId() == null ? null : byId.get(current.parentId());
        }
        return false;
    }

    /** Every mailbox, parents before children, siblings in display order (INBOX first). */
    public List<MailboxRecord> ordered() {
        List<MailboxRecord> out = new ArrayList<>(byId.size());
        appendSubtree(null, out);
        return out;
    }

    private void appendSubtree(MailboxId parent, List<MailboxRecord> out) {
        for (MailboxRecord child : children(parent)) {
            out.add(child);
            appendSubtree(child.id(), out);
        }
    }

    public Optional<MailboxRecord> withRole(dev.mailcore.api.MailboxRole role) {
        return byId.values().stream().filter(r -> r.role() == role).findFirst();
    }

    /** The API view of a mailbox. */
    public Mailbox view(MailboxRecord record, MailboxState state) {
        return new Mailbox(
                record.id(),
                record.parentId(),
                record.name(),
                paths.get(record.id()),
                record.role(),
                record.uidValidity(),
                state.uidNext(),
                state.highestModSeq(),
                record.subscribed(),
                record.sortOrder());
    }
}
