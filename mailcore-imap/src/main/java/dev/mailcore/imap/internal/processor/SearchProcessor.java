/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal.processor;

import dev.mailcore.api.MessageMeta;
import dev.mailcore.api.UidSet;
import dev.mailcore.api.search.DateField;
import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.imap.internal.Command;
import dev.mailcore.imap.internal.Command.SearchKey;
import dev.mailcore.imap.internal.Command.SearchReturn;
import dev.mailcore.imap.internal.Completion;
import dev.mailcore.imap.internal.ImapSession;
import dev.mailcore.imap.internal.Processor;
import dev.mailcore.imap.internal.ResponseWriter;
import dev.mailcore.imap.internal.SelectedMailbox;
import dev.mailcore.imap.internal.SessionState;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * SEARCH and UID SEARCH through the store's search, answered as {@code * SEARCH} or, with RETURN options or once
 * IMAP4rev2 is enabled, as {@code * ESEARCH} (RFC 4731); RETURN (SAVE) keeps the result for {@code $} (RFC 5182).
 */
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
    public List<String> capabilities(ImapSession session) {
        return List.of("ESEARCH", "SEARCHRES", "WITHIN");
    }

    @Override
    public Completion process(Command.Search command, ImapSession session) {
        SelectedMailbox selected = session.selected();
        Set<SearchReturn> returns = returns(command, session);
        UidSet matched;
        try {
            matched = search(command, session);
        } catch (RuntimeException e) {
            // RFC 5182 §2.1: a failed SEARCH that would have saved leaves $ empty.
            if (returns != null && returns.contains(SearchReturn.SAVE)) {
                selected.saveResult(UidSet.empty());
            }
            throw e;
        }
        SearchQuery query = resolve(command.key(), selected, now(session));
        long highestModSeq = usesModSeq(query) ? highestModSeq(matched, session) : 0;
        if (returns == null) {
            plain(command, matched, highestModSeq, session);
        } else {
            if (returns.contains(SearchReturn.SAVE)) {
                selected.saveResult(saved(returns, matched));
            }
            if (!returns.equals(EnumSet.of(SearchReturn.SAVE))) {
                extended(command, returns, matched, highestModSeq, session);
            }
        }
        String verb = command.uid() ? "UID SEARCH" : "SEARCH";
        return command.uid() ? Completion.ok(verb + " completed") : Completion.okNoExpunge(verb + " completed");
    }

    /** The RETURN options, null for a plain {@code * SEARCH} answer. */
    private static Set<SearchReturn> returns(Command.Search command, ImapSession session) {
        if (command.returns() != null) {
            return command.returns().isEmpty() ? EnumSet.of(SearchReturn.ALL) : command.returns();
        }
        // RFC 9051 §6.4.4: an IMAP4rev2 client gets ESEARCH ALL for a SEARCH without RETURN.
        return session.rev2() ? EnumSet.of(SearchReturn.ALL) : null;
    }

    private static UidSet search(Command.Search command, ImapSession session) {
        SelectedMailbox selected = session.selected();
        long[] uids = session.store()
                .search()
                .searchUids(
                        session.account(),
                        selected.mailbox().id(),
                        resolve(command.key(), selected, now(session)),
                        List.of());
        UidSet.Builder found = UidSet.builder();
        for (long uid : uids) {
            if (selected.sequenceOf(uid) > 0) {
                found.add(uid);
            }
        }
        return found.build();
    }

    static Instant now(ImapSession session) {
        return session.config().clock().instant();
    }

    /** RFC 5182 §2.4: with MIN or MAX but neither ALL nor COUNT, only those are saved. */
    private static UidSet saved(Set<SearchReturn> returns, UidSet matched) {
        if (matched.isEmpty() || returns.contains(SearchReturn.ALL) || returns.contains(SearchReturn.COUNT)) {
            return matched;
        }
        boolean min = returns.contains(SearchReturn.MIN);
        boolean max = returns.contains(SearchReturn.MAX);
        if (!min && !max) {
            return matched;
        }
        UidSet.Builder builder = UidSet.builder();
        if (min) {
            builder.add(matched.min());
        }
        if (max) {
            builder.add(matched.max());
        }
        return builder.build();
    }

    private static void plain(Command.Search command, UidSet matched, long highestModSeq, ImapSession session) {
        SelectedMailbox selected = session.selected();
        ResponseWriter out = session.out();
        out.raw("* SEARCH");
        for (int i = 0; i < matched.rangeCount(); i++) {
            for (long uid = matched.rangeStart(i); uid <= matched.rangeEnd(i); uid++) {
                out.raw(" ").number(command.uid() ? uid : selected.sequenceOf(uid));
            }
        }
        if (highestModSeq > 0) {
            // RFC 7162 §3.1.5: a search by MODSEQ reports the highest MODSEQ of what it found.
            out.raw(" (MODSEQ ").number(highestModSeq).raw(")");
        }
        out.crlf();
    }

    private static void extended(
            Command.Search command,
            Set<SearchReturn> returns,
            UidSet matched,
            long highestModSeq,
            ImapSession session) {
        SelectedMailbox selected = session.selected();
        ResponseWriter out = session.out();
        out.raw("* ESEARCH (TAG ").string(command.tag()).raw(")");
        if (command.uid()) {
            out.raw(" UID");
        }
        if (!matched.isEmpty()) {
            if (returns.contains(SearchReturn.MIN)) {
                out.raw(" MIN ").number(number(command, matched.min(), selected));
            }
            if (returns.contains(SearchReturn.MAX)) {
                out.raw(" MAX ").number(number(command, matched.max(), selected));
            }
        }
        if (returns.contains(SearchReturn.COUNT)) {
            out.raw(" COUNT ").number(matched.count());
        }
        if (returns.contains(SearchReturn.ALL) && !matched.isEmpty()) {
            out.raw(" ALL ").raw(command.uid() ? matched.toString() : sequences(matched, selected));
        }
        if (highestModSeq > 0) {
            out.raw(" MODSEQ ").number(highestModSeq);
        }
        out.crlf();
    }

    private static long number(Command.Search command, long uid, SelectedMailbox selected) {
        return command.uid() ? uid : selected.sequenceOf(uid);
    }

    /** The sequence numbers of the matched UIDs, as a compact sequence set. */
    private static String sequences(UidSet matched, SelectedMailbox selected) {
        UidSet.Builder builder = UidSet.builder();
        for (int i = 0; i < matched.rangeCount(); i++) {
            for (long uid = matched.rangeStart(i); uid <= matched.rangeEnd(i); uid++) {
                builder.add(selected.sequenceOf(uid));
            }
        }
        return builder.build().toString();
    }

    private static long highestModSeq(UidSet matched, ImapSession session) {
        long highest = 0;
        if (matched.isEmpty()) {
            return 0;
        }
        for (MessageMeta meta : session.store()
                .messages()
                .list(session.account(), session.selected().mailbox().id(), matched)) {
            highest = Math.max(highest, meta.modSeq());
        }
        return highest;
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

    static SearchQuery resolve(SearchKey key, SelectedMailbox selected, Instant now) {
        return switch (key) {
            case SearchKey.Within w ->
                new SearchQuery.AtTime(DateField.RECEIVED, w.older(), now.minusSeconds(w.seconds()));
            case SearchKey.Query q -> q.query();
            case SearchKey.Sequence s -> new SearchQuery.Uids(selected.toUids(s.set(), s.uid()));
            case SearchKey.And and ->
                new SearchQuery.And(
                        and.keys().stream().map(k -> resolve(k, selected, now)).toList());
            case SearchKey.Or or ->
                SearchQuery.or(resolve(or.left(), selected, now), resolve(or.right(), selected, now));
            case SearchKey.Not not -> SearchQuery.not(resolve(not.key(), selected, now));
        };
    }
}
