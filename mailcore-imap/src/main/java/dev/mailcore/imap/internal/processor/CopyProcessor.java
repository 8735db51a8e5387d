/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal.processor;

import dev.mailcore.api.CopyResult;
import dev.mailcore.api.Mailbox;
import dev.mailcore.api.UidSet;
import dev.mailcore.imap.internal.Command;
import dev.mailcore.imap.internal.Completion;
import dev.mailcore.imap.internal.ImapSession;
import dev.mailcore.imap.internal.Processor;
import dev.mailcore.imap.internal.SelectedMailbox;
import dev.mailcore.imap.internal.SessionState;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** COPY and MOVE (RFC 6851), by sequence number or UID, answering COPYUID (UIDPLUS). */
public final class CopyProcessor implements Processor<Command.Copy> {
    @Override
    public Class<Command.Copy> type() {
        return Command.Copy.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.SELECTED);
    }

    @Override
    public List<String> capabilities(ImapSession session) {
        return List.of("MOVE");
    }

    @Override
    public Completion process(Command.Copy command, ImapSession session) {
        SelectedMailbox selected = session.selected();
        String verb = (command.uid() ? "UID " : "") + (command.move() ? "MOVE" : "COPY");
        Optional<Mailbox> target =
                session.store().mailboxes().byPath(session.account(), session.mailboxName(command.mailbox()));
        if (target.isEmpty()) {
            return Completion.no("[TRYCREATE] no such mailbox");
        }
        if (command.move() && selected.readOnly()) {
            return Completion.no("[READ-ONLY] mailbox is read-only");
        }
        UidSet uids = selected.toUids(command.set(), command.uid());
        if (uids.isEmpty()) {
            return Completion.ok(verb + " completed");
        }
        CopyResult result = command.move()
                ? session.store()
                        .messages()
                        .move(
                                session.account(),
                                selected.mailbox().id(),
                                uids,
                                target.get().id())
                : session.store()
                        .messages()
                        .copy(
                                session.account(),
                                selected.mailbox().id(),
                                uids,
                                target.get().id());
        if (result.destinationUids().length == 0) {
            return Completion.ok(verb + " completed");
        }
        String code = "COPYUID " + result.uidValidity() + " " + result.sourceUids() + " " + result.destinationSet();
        if (command.move()) {
            // RFC 6851: COPYUID goes in an untagged OK, before the EXPUNGEs.
            session.out().untagged("OK [" + code + "] moved");
            return Completion.ok(verb + " completed");
        }
        return Completion.ok("[" + code + "] " + verb + " completed");
    }
}
