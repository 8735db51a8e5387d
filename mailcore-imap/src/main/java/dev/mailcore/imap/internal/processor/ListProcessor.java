/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal.processor;

import dev.mailcore.api.MailException;
import dev.mailcore.api.Mailbox;
import dev.mailcore.api.MailboxStatus;
import dev.mailcore.imap.internal.Command;
import dev.mailcore.imap.internal.Command.ListOption;
import dev.mailcore.imap.internal.Completion;
import dev.mailcore.imap.internal.ImapSession;
import dev.mailcore.imap.internal.Processor;
import dev.mailcore.imap.internal.ResponseWriter;
import dev.mailcore.imap.internal.SessionState;
import dev.mailcore.imap.internal.StatusWriter;
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
        return List.of("CHILDREN", "SPECIAL-USE", "LIST-EXTENDED", "LIST-STATUS");
    }

    @Override
    public Completion process(Command.ListMailboxes command, ImapSession session) {
        String verb = command.lsub() ? "LSUB" : "LIST";
        ResponseWriter out = session.out();
        if (command.patterns().equals(List.of(""))) {
            out.raw("* ").raw(verb).raw(" (\\Noselect) \"/\" \"\"").crlf();
            return Completion.ok(verb + " completed");
        }
        StatusWriter.check(command.statusItems());
        List<String> patterns = command.patterns().stream()
                .map(p -> session.mailboxName(command.reference() + p))
                .toList();
        List<Mailbox> mailboxes = session.store().mailboxes().list(session.account());
        Set<String> parents = new HashSet<>();
        Set<String> subscribedParents = new HashSet<>();
        for (Mailbox mailbox : mailboxes) {
            int slash = mailbox.path().lastIndexOf(Mailbox.DELIMITER);
            while (slash > 0) {
                String parent = mailbox.path().substring(0, slash);
                parents.add(parent);
                if (mailbox.subscribed()) {
                    subscribedParents.add(parent);
                }
                slash = mailbox.path().lastIndexOf(Mailbox.DELIMITER, slash - 1);
            }
        }
        Set<ListOption> selection = command.selection();
        boolean subscribedOnly = command.lsub() || selection.contains(ListOption.SUBSCRIBED);
        boolean recursive = selection.contains(ListOption.RECURSIVEMATCH);
        boolean showSubscribed = !command.lsub()
                && (selection.contains(ListOption.SUBSCRIBED)
                        || command.returns().contains(ListOption.SUBSCRIBED));
        for (Mailbox mailbox : mailboxes) {
            String path = mailbox.path();
            if (patterns.stream().noneMatch(p -> matches(p, path))) {
                continue;
            }
            boolean specialUse =
                    mailbox.role() != null && mailbox.role().specialUse().isPresent();
            boolean childMatch = recursive && subscribedParents.contains(path);
            if ((subscribedOnly && !mailbox.subscribed() && !childMatch)
                    || (selection.contains(ListOption.SPECIAL_USE) && !specialUse)) {
                continue;
            }
            List<String> attributes = new ArrayList<>();
            attributes.add(parents.contains(path) ? "\\HasChildren" : "\\HasNoChildren");
            if (showSubscribed && mailbox.subscribed()) {
                attributes.add("\\Subscribed");
            }
            if (specialUse) {
                attributes.add(mailbox.role().specialUse().get());
            }
            out.raw("* ").raw(verb).raw(" (").raw(String.join(" ", attributes)).raw(") \"/\" ");
            out.mailbox(path);
            if (childMatch) {
                // RFC 5258 §3.5: a parent listed because of a subscribed child says why.
                out.raw(" (\"CHILDINFO\" (\"SUBSCRIBED\"))");
            }
            out.crlf();
            if (!command.statusItems().isEmpty()) {
                status(mailbox, command.statusItems(), session);
            }
        }
        return Completion.ok(verb + " completed");
    }

    /** RFC 5819 §2: a mailbox whose status cannot be read is still listed, just without STATUS. */
    private static void status(Mailbox mailbox, List<String> items, ImapSession session) {
        MailboxStatus status;
        try {
            status = session.store().mailboxes().status(session.account(), mailbox.id());
        } catch (MailException e) {
            return;
        }
        StatusWriter.write(mailbox, status, items, session.config().appendLimit(), session.out());
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
