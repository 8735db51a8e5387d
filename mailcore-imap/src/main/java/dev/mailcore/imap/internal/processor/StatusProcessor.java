/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal.processor;

import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.api.Mailbox;
import dev.mailcore.api.MailboxStatus;
import dev.mailcore.imap.internal.Command;
import dev.mailcore.imap.internal.Completion;
import dev.mailcore.imap.internal.ImapSession;
import dev.mailcore.imap.internal.ParseException;
import dev.mailcore.imap.internal.Processor;
import dev.mailcore.imap.internal.ResponseWriter;
import dev.mailcore.imap.internal.SessionState;
import java.util.List;
import java.util.Set;

/** STATUS with MESSAGES, UIDNEXT, UIDVALIDITY, UNSEEN, DELETED, SIZE, RECENT and HIGHESTMODSEQ. */
public final class StatusProcessor implements Processor<Command.Status> {
    @Override
    public Class<Command.Status> type() {
        return Command.Status.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.AUTHENTICATED, SessionState.SELECTED);
    }

    @Override
    public List<String> capabilities(ImapSession session) {
        return List.of("STATUS=SIZE");
    }

    @Override
    public Completion process(Command.Status command, ImapSession session) {
        Mailbox mailbox = session.store()
                .mailboxes()
                .byPath(session.account(), session.mailboxName(command.mailbox()))
                .orElseThrow(() -> new MailException(ErrorReason.MAILBOX_NOT_FOUND, "no such mailbox"));
        MailboxStatus status = session.store().mailboxes().status(session.account(), mailbox.id());
        ResponseWriter out = session.out();
        out.raw("* STATUS ").mailbox(mailbox.path()).raw(" (");
        boolean first = true;
        for (String item : command.items()) {
            long value = switch (item) {
                case "MESSAGES" -> status.messages();
                case "UIDNEXT" -> status.mailbox().uidNext();
                case "UIDVALIDITY" -> status.mailbox().uidValidity();
                case "UNSEEN" -> status.unseen();
                case "DELETED" -> status.deleted();
                case "SIZE" -> status.size();
                case "RECENT" -> 0;
                case "HIGHESTMODSEQ" -> status.mailbox().highestModSeq();
                default -> throw new ParseException("unknown STATUS item " + item);
            };
            out.raw(first ? "" : " ").raw(item).raw(" ").number(value);
            first = false;
        }
        out.raw(")").crlf();
        return Completion.ok("STATUS completed");
    }
}
