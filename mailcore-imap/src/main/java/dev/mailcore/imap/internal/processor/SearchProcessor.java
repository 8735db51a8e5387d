/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal.processor;

import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.imap.internal.Command;
import dev.mailcore.imap.internal.Command.SearchKey;
import dev.mailcore.imap.internal.Completion;
import dev.mailcore.imap.internal.ImapSession;
import dev.mailcore.imap.internal.Processor;
import dev.mailcore.imap.internal.ResponseWriter;
import dev.mailcore.imap.internal.SelectedMailbox;
import dev.mailcore.imap.internal.SessionState;
import java.util.List;
import java.util.Set;

/** SEARCH and UID SEARCH through the API's query model; sequence sets become UID ranges first. */
public final class SearchProcessor implements Processor<Command.Search> {
    @Override
    public Class<Command.Search> type() {
        return Command.Search.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.SELECTED);
    }

    @Override
    public Completion process(Command.Search command, ImapSession session) {
        SelectedMailbox selected = session.selected();
        SearchQuery query = resolve(command.key(), selected);
        long[] uids = session.store()
                .search()
                .searchUids(session.account(), selected.mailbox().id(), query, List.of());
        ResponseWriter out = session.out();
        out.raw("* SEARCH");
        for (long uid : uids) {
            int sequence = selected.sequenceOf(uid);
            if (sequence > 0) {
                out.raw(" ").number(command.uid() ? uid : sequence);
            }
        }
        out.crlf();
        return command.uid() ? Completion.ok("UID SEARCH completed") : Completion.okNoExpunge("SEARCH completed");
    }

    private static SearchQuery resolve(SearchKey key, SelectedMailbox selected) {
        return switch (key) {
            case SearchKey.Query q -> q.query();
            case SearchKey.Sequence s -> new SearchQuery.Uids(selected.toUids(s.set(), s.uid()));
            case SearchKey.And and ->
                new SearchQuery.And(
                        and.keys().stream().map(k -> resolve(k, selected)).toList());
            case SearchKey.Or or -> SearchQuery.or(resolve(or.left(), selected), resolve(or.right(), selected));
            case SearchKey.Not not -> SearchQuery.not(resolve(not.key(), selected));
        };
    }
}
