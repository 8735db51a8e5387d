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
import dev.mailcore.imap.internal.Processor;
import dev.mailcore.imap.internal.SessionState;
import dev.mailcore.imap.internal.StatusWriter;
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
        StatusWriter.check(command.items());
        MailboxStatus status = session.store().mailboxes().status(session.account(), mailbox.id());
        StatusWriter.write(mailbox, status, command.items(), session.config().appendLimit(), session.out());
        return Completion.ok("STATUS completed");
    }
}
