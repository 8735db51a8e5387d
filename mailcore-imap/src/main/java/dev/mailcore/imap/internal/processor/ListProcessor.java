/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal.processor;

import dev.mailcore.api.Mailbox;
import dev.mailcore.imap.internal.Command;
import dev.mailcore.imap.internal.Completion;
import dev.mailcore.imap.internal.ImapSession;
import dev.mailcore.imap.internal.Processor;
import dev.mailcore.imap.internal.ResponseWriter;
import dev.mailcore.imap.internal.SessionState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** LIST and LSUB with the wildcards * and %, CHILDREN and SPECIAL-USE attributes. */
public final class ListProcessor implements Processor<Command.ListMailboxes> {
    @Override
    public Class<Command.ListMailboxes> type() {
        return Command.ListMailboxes.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.AUTHENTICATED, SessionState.SELECTED);
    }

    @Override
    public List<String> capabilities(ImapSession session) {
        return List.of("CHILDREN", "SPECIAL-USE");
    }

    @Override
    public Completion process(Command.ListMailboxes command, ImapSession session) {
        String verb = command.lsub() ? "LSUB" : "LIST";
        ResponseWriter out = session.out();
        if (command.pattern().isEmpty()) {
            out.raw("* ").raw(verb).raw(" (\\Noselect) \"/\" \"\"").crlf();
            return Completion.ok(verb + " completed");
        }
        String pattern = session.mailboxName(command.reference() + command.pattern());
        List<Mailbox> mailboxes = session.store().mailboxes().list(session.account());
        Set<String> parents = new HashSet<>();
        for (Mailbox mailbox : mailboxes) {
            int slash = mailbox.path().lastIndexOf(Mailbox.DELIMITER);
            while (slash > 0) {
                parents.add(mailbox.path().substring(0, slash));
                slash = mailbox.path().lastIndexOf(Mailbox.DELIMITER, slash - 1);
            }
        }
        for (Mailbox mailbox : mailboxes) {
            if (!matches(pattern, mailbox.path())
                    || (command.lsub() && !mailbox.subscribed())
                    || (command.specialUseOnly()
                            && (mailbox.role() == null
                                    || mailbox.role().specialUse().isEmpty()))) {
                continue;
            }
            List<String> attributes = new ArrayList<>();
            attributes.add(parents.contains(mailbox.path()) ? "\\HasChildren" : "\\HasNoChildren");
            if (mailbox.role() != null) {
                mailbox.role().specialUse().ifPresent(attributes::add);
            }
            out.raw("* ").raw(verb).raw(" (").raw(String.join(" ", attributes)).raw(") \"/\" ");
            out.mailbox(mailbox.path()).crlf();
        }
        return Completion.ok(verb + " completed");
    }

    /** IMAP wildcard match: * matches anything, % anything but the delimiter; INBOX is case-insensitive. */
    static boolean matches(String pattern, String path) {
        if (path.equals(Mailbox.INBOX)) {
            return match(pattern.toUpperCase(Locale.ROOT), 0, path, 0);
        }
        return match(pattern, 0, path, 0);
    }

    private static boolean match(String pattern, int p, String path, int s) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*' || c == '%') {
                for (int i = s; i <= path.length(); i++) {
                    if (match(pattern, p + 1, path, i)) {
                        return true;
                    }
                    if (i < path.length() && c == '%' && path.charAt(i) == Mailbox.DELIMITER) {
                        return false;
                    }
                }
                return false;
            }
            if (s >= path.length() || path.charAt(s) != c) {
                return false;
            }
            p++;
            s++;
        }
        return s == path.length();
    }
}
