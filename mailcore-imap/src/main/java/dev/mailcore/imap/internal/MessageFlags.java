/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import dev.mailcore.api.Flags;
import dev.mailcore.api.Keywords;
import java.util.ArrayList;
import java.util.List;

/** IMAP flags to and from the API's keywords. */
public final class MessageFlags {
    static final String SYSTEM_FLAGS = "(\\Answered \\Flagged \\Deleted \\Seen \\Draft)";

    private MessageFlags() {}

    public static void write(Flags flags, ResponseWriter out) {
        out.raw("(");
        boolean first = true;
        // Sorted, so responses do not depend on set iteration order.
        for (String keyword : new java.util.TreeSet<>(flags.keywords())) {
            if (!first) {
                out.raw(" ");
            }
            out.raw(Keywords.toImapFlag(keyword));
            first = false;
        }
        if (flags.deleted()) {
            out.raw(first ? "\\Deleted" : " \\Deleted");
        }
        out.raw(")");
    }

    /** Flags from a client's list; {@code \Recent} is ignored (it cannot be set). */
    public static Flags parse(List<String> names) {
        List<String> keywords = new ArrayList<>();
        boolean deleted = false;
        for (String name : names) {
            if (name.equalsIgnoreCase("\\Deleted")) {
                deleted = true;
            } else if (!name.equalsIgnoreCase("\\Recent")) {
                keywords.add(Keywords.fromImapFlag(name));
            }
        }
        return new Flags(java.util.Set.copyOf(keywords), deleted);
    }
}
