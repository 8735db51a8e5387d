/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal.processor;

import dev.mailcore.api.search.ThreadNode;
import dev.mailcore.imap.internal.Command;
import dev.mailcore.imap.internal.Completion;
import dev.mailcore.imap.internal.ImapSession;
import dev.mailcore.imap.internal.Processor;
import dev.mailcore.imap.internal.ResponseWriter;
import dev.mailcore.imap.internal.SelectedMailbox;
import dev.mailcore.imap.internal.SessionState;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * THREAD and UID THREAD (RFC 5256): the store threads the messages the search criteria match; this writes the
 * {@code * THREAD} line, e.g. {@code * THREAD (2)(3 6 (4 23)(44 7 96))}.
 */
public final class ThreadProcessor implements Processor<Command.Thread> {
    @Override
    public Class<Command.Thread> type() {
        return Command.Thread.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.SELECTED);
    }

    @Override
    public List<String> capabilities(ImapSession session) {
        return List.of("THREAD=ORDEREDSUBJECT", "THREAD=REFERENCES");
    }

    @Override
    public Completion process(Command.Thread command, ImapSession session) {
        SelectedMailbox selected = session.selected();
        List<ThreadNode> threads = session.store()
                .search()
                .threadUids(
                        session.account(),
                        selected.mailbox().id(),
                        SearchProcessor.resolve(command.key(), selected, SearchProcessor.now(session)),
                        command.algorithm());
        List<ThreadNode> visible = visible(threads, selected, command.uid());
        ResponseWriter out = session.out();
        out.raw("* THREAD");
        if (!visible.isEmpty()) {
            out.raw(" ");
        }
        for (ThreadNode thread : visible) {
            out.raw("(");
            members(thread, out);
            out.raw(")");
        }
        out.crlf();
        return command.uid() ? Completion.ok("UID THREAD completed") : Completion.okNoExpunge("THREAD completed");
    }

    /**
     * A node's number, then its one child inline or each of several children in parentheses; a placeholder writes
     * only its children (RFC 5256 {@code thread-list}).
     */
    private static void members(ThreadNode node, ResponseWriter out) {
        List<ThreadNode> children = node.children();
        if (!node.isPlaceholder()) {
            out.number(node.uid());
            if (children.isEmpty()) {
                return;
            }
            out.raw(" ");
            if (children.size() == 1) {
                members(children.get(0), out);
                return;
            }
        }
        for (ThreadNode child : children) {
            out.raw("(");
            members(child, out);
            out.raw(")");
        }
    }

    /**
     * The threads with numbers the client knows: UIDs or sequence numbers of this session's view; a message the
     * session has not been told about yet leaves, its replies taking its place.
     */
    private static List<ThreadNode> visible(List<ThreadNode> nodes, SelectedMailbox selected, boolean uid) {
        List<ThreadNode> out = new ArrayList<>();
        for (ThreadNode node : nodes) {
            List<ThreadNode> children = visible(node.children(), selected, uid);
            if (node.isPlaceholder()) {
                if (children.size() == 1) {
                    out.add(children.get(0));
                } else if (!children.isEmpty()) {
                    out.add(new ThreadNode(0, children));
                }
                continue;
            }
            int sequence = selected.sequenceOf(node.uid());
            if (sequence > 0) {
                out.add(new ThreadNode(uid ? node.uid() : sequence, children));
            } else {
                out.addAll(children);
            }
        }
        return out;
    }
}
