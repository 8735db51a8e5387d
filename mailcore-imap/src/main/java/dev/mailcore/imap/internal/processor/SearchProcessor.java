/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal.processor;

import dev.mailcore.api.MessageMeta;
import dev.mailcore.api.UidSet;
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
        UidSet.Builder found = UidSet.builder();
        for (long uid : uids) {
            int sequence = selected.sequenceOf(uid);
            if (sequence > 0) {
                out.raw(" ").number(command.uid() ? uid : sequence);
                found.add(uid);
            }
        }
        UidSet matched = found.build();
        if (usesModSeq(query) && !matched.isEmpty()) {
            // RFC 7162 §3.1.5: a search by MODSEQ reports the highest MODSEQ of what it found.
            long highest = 0;
            for (MessageMeta meta : session.store()
                    .messages()
                    .list(session.account(), selected.mailbox().id(), matched)) {
                highest = Math.max(highest, meta.modSeq());
            }
            out.raw(" (MODSEQ ").number(highest).raw(")");
        }
        out.crlf();
        return command.uid() ? Completion.ok("UID SEARCH completed") : Completion.okNoExpunge("SEARCH completed");
    }

    private static boolean usesModSeq(SearchQuery query) {
        return switch (query) {
            case SearchQuery.ModSeqAtLeast m -> true;
            case SearchQuery.And and -> and.queries().stream().anyMatch(SearchProcessor::usesModSeq);
            case SearchQuery.Or or -> or.queries().stream().anyMatch(SearchProcessor::usesModSeq);
            case SearchQuery.Not not -> usesModSeq(not.query());
            default -> false;
        };
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
