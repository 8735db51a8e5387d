/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import dev.mailcore.api.Mailbox;
import dev.mailcore.api.MailboxStatus;
import java.util.List;

/** Writes a {@code * STATUS} response, for STATUS and for LIST RETURN (STATUS ...) (RFC 5819). */
public final class StatusWriter {
    private StatusWriter() {}

    /** Fails with a {@link ParseException} on an unknown item before anything is written. */
    public static void check(List<String> items) {
        for (String item : items) {
            switch (item) {
                case "MESSAGES",
                        "UIDNEXT",
                        "UIDVALIDITY",
                        "UNSEEN",
                        "DELETED",
                        "SIZE",
                        "RECENT",
                        "HIGHESTMODSEQ",
                        "MAILBOXID",
                        "APPENDLIMIT" -> {}
                default -> throw new ParseException("unknown STATUS item " + item);
            }
        }
    }

    public static void write(
            Mailbox mailbox, MailboxStatus status, List<String> items, long appendLimit, ResponseWriter out) {
        out.raw("* STATUS ").mailbox(mailbox.path()).raw(" (");
        boolean first = true;
        for (String item : items) {
            out.raw(first ? "" : " ");
            first = false;
            if (item.equals("MAILBOXID")) {
                // OBJECTID (RFC 8474): the same id JMAP uses.
                out.raw("MAILBOXID (").raw(mailbox.id().value()).raw(")");
                continue;
            }
            long value = switch (item) {
                case "APPENDLIMIT" -> appendLimit;
                case "MESSAGES" -> status.messages();
                case "UIDNEXT" -> status.mailbox().uidNext();
                case "UIDVALIDITY" -> status.mailbox().uidValidity();
                case "UNSEEN" -> status.unseen();
                case "DELETED" -> status.deleted();
                case "SIZE" -> status.size();
                // \Recent is not tracked.
                case "RECENT" -> 0;
                case "HIGHESTMODSEQ" -> status.mailbox().highestModSeq();
                default -> throw new ParseException("unknown STATUS item " + item);
            };
            out.raw(item).raw(" ").number(value);
        }
        out.raw(")").crlf();
    }
}
