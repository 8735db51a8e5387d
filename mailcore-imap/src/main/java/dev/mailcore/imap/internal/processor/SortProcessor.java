/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal.processor;

import dev.mailcore.imap.internal.Command;
import dev.mailcore.imap.internal.Completion;
import dev.mailcore.imap.internal.ImapSession;
import dev.mailcore.imap.internal.Processor;
import dev.mailcore.imap.internal.ResponseWriter;
import dev.mailcore.imap.internal.SelectedMailbox;
import dev.mailcore.imap.internal.SessionState;
import java.util.List;
import java.util.Set;

/** SORT and UID SORT (RFC 5256, DISPLAY of RFC 5957): the store's search sorts, this answers {@code * SORT}. */
public final class SortProcessor implements Processor<Command.Sort> {
    @Override
    public Class<Command.Sort> type() {
        return Command.Sort.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.SELECTED);
    }

    @Override
    public List<String> capabilities(ImapSession session) {
        return List.of("SORT", "SORT=DISPLAY");
    }

    @Override
    public Completion process(Command.Sort command, ImapSession session) {
        SelectedMailbox selected = session.selected();
        long[] uids = session.store()
                .search()
                .searchUids(
                        session.account(),
                        selected.mailbox().id(),
                        SearchProcessor.resolve(command.key(), selected, SearchProcessor.now(session)),
                        command.sort());
        ResponseWriter out = session.out();
        out.raw("* SORT");
        for (long uid : uids) {
            int sequence = selected.sequenceOf(uid);
            if (sequence > 0) {
                out.raw(" ").number(command.uid() ? uid : sequence);
            }
        }
        out.crlf();
        return command.uid() ? Completion.ok("UID SORT completed") : Completion.okNoExpunge("SORT completed");
    }
}
