/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A change to message flags, as IMAP STORE expresses it: add, remove or replace a set of flags, where
 * {@code \Deleted} is part of the set through {@link Flags#deleted()}.
 *
 * <pre>{@code
 * FlagChange.add(Flags.of(Keywords.SEEN));                       // STORE +FLAGS (\Seen)
 * FlagChange.add(new Flags(Set.of(), true));                     // STORE +FLAGS (\Deleted)
 * FlagChange.replace(new Flags(Set.of(Keywords.SEEN), false));   // STORE FLAGS (\Seen)
 * }</pre>
 */
public record FlagChange(Mode mode, Flags flags) {
    public enum Mode {
        ADD,
        REMOVE,
        REPLACE
    }

    public FlagChange {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(flags, "flags");
    }

    public static FlagChange add(Flags flags) {
        return new FlagChange(Mode.ADD, flags);
    }

    public static FlagChange remove(Flags flags) {
        return new FlagChange(Mode.REMOVE, flags);
    }

    public static FlagChange replace(Flags flags) {
        return new FlagChange(Mode.REPLACE, flags);
    }

    /** The flags a message ends with when this change is applied to {@code current}. */
    public Flags applyTo(Flags current) {
        return switch (mode) {
            case REPLACE -> flags;
            case ADD -> new Flags(union(current, flags), current.deleted() || flags.deleted());
            case REMOVE -> new Flags(difference(current, flags), current.deleted() && !flags.deleted());
        };
    }

    private static Set<String> union(Flags a, Flags b) {
        Set<String> result = new TreeSet<>(a.keywords());
        result.addAll(b.keywords());
        return result;
    }

    private static Set<String> difference(Flags a, Flags b) {
        Set<String> result = new TreeSet<>(a.keywords());
        result.removeAll(b.keywords());
        return result;
    }
}
