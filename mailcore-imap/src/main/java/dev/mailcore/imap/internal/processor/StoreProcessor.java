/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal.processor;

import dev.mailcore.api.FlagChange;
import dev.mailcore.api.FlagUpdateResult;
import dev.mailcore.api.Flags;
import dev.mailcore.api.MessageMeta;
import dev.mailcore.api.UidSet;
import dev.mailcore.imap.internal.Command;
import dev.mailcore.imap.internal.Completion;
import dev.mailcore.imap.internal.ImapSession;
import dev.mailcore.imap.internal.MessageFlags;
import dev.mailcore.imap.internal.Processor;
import dev.mailcore.imap.internal.ResponseWriter;
import dev.mailcore.imap.internal.SelectedMailbox;
import dev.mailcore.imap.internal.SessionState;
import java.util.Set;

/** STORE and UID STORE, with .SILENT and CONDSTORE's UNCHANGEDSINCE / [MODIFIED]. */
public final class StoreProcessor implements Processor<Command.Store> {
    @Override
    public Class<Command.Store> type() {
        return Command.Store.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.SELECTED);
    }

    @Override
    public Completion process(Command.Store command, ImapSession session) {
        SelectedMailbox selected = session.selected();
        if (selected.readOnly()) {
            return Completion.no("[READ-ONLY] mailbox is read-only");
        }
        if (command.unchangedSince().isPresent()) {
            session.enableCondstore();
        }
        Flags flags = MessageFlags.parse(command.flags());
        FlagChange change = switch (command.mode()) {
            case ADD -> FlagChange.add(flags);
            case REMOVE -> FlagChange.remove(flags);
            case REPLACE -> FlagChange.replace(flags);
        };
        UidSet uids = selected.toUids(command.set(), command.uid());
        String done = command.uid() ? "UID STORE completed" : "STORE completed";
        if (uids.isEmpty()) {
            return command.uid() ? Completion.ok(done) : Completion.okNoExpunge(done);
        }
        FlagUpdateResult result = session.store()
                .messages()
                .updateFlags(session.account(), selected.mailbox().id(), uids, change, command.unchangedSince());
        ResponseWriter out = session.out();
        for (MessageMeta meta : result.updated()) {
            selected.reported(meta.uid(), meta.modSeq());
            int sequence = selected.sequenceOf(meta.uid());
            if (sequence == 0 || (command.silent() && command.unchangedSince().isEmpty())) {
                continue;
            }
            out.raw("* ").number(sequence).raw(" FETCH (FLAGS ");
            MessageFlags.write(meta.flags(), out);
            if (command.uid()) {
                out.raw(" UID ").number(meta.uid());
            }
            if (session.condstore()) {
                out.raw(" MODSEQ (").number(meta.modSeq()).raw(")");
            }
            out.raw(")").crlf();
        }
        String text = done;
        if (!result.modified().isEmpty()) {
            text = "[MODIFIED " + modified(result.modified(), selected, command.uid()) + "] conditional STORE failed";
        }
        return command.uid() ? Completion.ok(text) : Completion.okNoExpunge(text);
    }

    private static String modified(UidSet modified, SelectedMailbox selected, boolean uid) {
        if (uid) {
            return modified.toString();
        }
        UidSet.Builder sequences = UidSet.builder();
        for (int i = 0; i < modified.rangeCount(); i++) {
            for (long u = modified.rangeStart(i); u <= modified.rangeEnd(i); u++) {
                int sequence = selected.sequenceOf(u);
                if (sequence > 0) {
                    sequences.add(sequence);
                }
            }
        }
        return sequences.build().toString();
    }
}
