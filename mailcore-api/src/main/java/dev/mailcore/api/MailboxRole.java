/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

import java.util.Locale;
import java.util.Optional;

/**
 * What a mailbox is for: the JMAP mailbox role (RFC 8621 §2, IANA registry) and, where one exists, the IMAP
 * special-use attribute (RFC 6154). An account has at most one mailbox of each role.
 */
public enum MailboxRole {
    INBOX("inbox", null),
    ARCHIVE("archive", "\\Archive"),
    DRAFTS("drafts", "\\Drafts"),
    FLAGGED("flagged", "\\Flagged"),
    JUNK("junk", "\\Junk"),
    SENT("sent", "\\Sent"),
    TRASH("trash", "\\Trash"),
    ALL("all", "\\All"),
    IMPORTANT("important", "\\Important");

    private final String jmapName;
    private final String specialUse;

    MailboxRole(String jmapName, String specialUse) {
        this.jmapName = jmapName;
        this.specialUse = specialUse;
    }

    /** The JMAP role name, such as {@code sent}. */
    public String jmapName() {
        return jmapName;
    }

    /** The IMAP special-use attribute, such as {@code \Sent}; INBOX has none (it is a name, not an attribute). */
    public Optional<String> specialUse() {
        return Optional.ofNullable(specialUse);
    }

    /** The role for a JMAP role name, case-insensitively. */
    public static Optional<MailboxRole> fromJmapName(String name) {
        for (MailboxRole role : values()) {
            if (role.jmapName.equalsIgnoreCase(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** The role for an IMAP special-use attribute such as {@code \Sent}, case-insensitively. */
    public static Optional<MailboxRole> fromSpecialUse(String attribute) {
        String wanted = attribute.toLowerCase(Locale.ROOT);
        for (MailboxRole role : values()) {
            if (role.specialUse != null
                    && role.specialUse.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
