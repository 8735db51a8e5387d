/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal.processor;

import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.api.Mailbox;
import dev.mailcore.api.UidSet;
import dev.mailcore.imap.internal.Command;
import dev.mailcore.imap.internal.Completion;
import dev.mailcore.imap.internal.ImapSession;
import dev.mailcore.imap.internal.Processor;
import dev.mailcore.imap.internal.SessionState;
import java.util.Set;

/**
 * RENAME. Renaming INBOX (RFC 9051 §6.3.6) moves all its messages to a new mailbox of that name and leaves INBOX in
 * place, empty; mailboxes under INBOX stay where they are.
 */
public final class RenameProcessor implements Processor<Command.Rename> {
    @Override
    public Class<Command.Rename> type() {
        return Command.Rename.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.AUTHENTICATED, SessionState.SELECTED);
    }

    @Override
    public Completion process(Command.Rename command, ImapSession session) {
        Mailbox mailbox = session.store()
                .mailboxes()
                .byPath(session.account(), session.mailboxName(command.from()))
                .orElseThrow(() -> new MailException(ErrorReason.MAILBOX_NOT_FOUND, "no such mailbox"));
        if (mailbox.isInbox()) {
            Mailbox target =
                    session.store().mailboxes().create(session.account(), session.mailboxName(command.to()), null);
            if (session.store().messages().uids(session.account(), mailbox.id()).length > 0) {
                session.store().messages().move(session.account(), mailbox.id(), UidSet.all(), target.id());
            }
            return Completion.ok("RENAME completed");
        }
        session.store().mailboxes().rename(session.account(), mailbox.id(), session.mailboxName(command.to()));
        return Completion.ok("RENAME completed");
    }
}
