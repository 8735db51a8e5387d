/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal.processor;

import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.api.Mailbox;
import dev.mailcore.imap.internal.Command;
import dev.mailcore.imap.internal.Completion;
import dev.mailcore.imap.internal.ImapSession;
import dev.mailcore.imap.internal.Processor;
import dev.mailcore.imap.internal.SessionState;
import java.util.Set;

/** DELETE: the mailbox and its messages. */
public final class DeleteProcessor implements Processor<Command.Delete> {
    @Override
    public Class<Command.Delete> type() {
        return Command.Delete.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.AUTHENTICATED, SessionState.SELECTED);
    }

    @Override
    public Completion process(Command.Delete command, ImapSession session) {
        String name = session.mailboxName(command.mailbox());
        Mailbox mailbox = session.store()
                .mailboxes()
                .byPath(session.account(), name)
                .orElseThrow(() -> new MailException(ErrorReason.MAILBOX_NOT_FOUND, "no such mailbox"));
        if (mailbox.isInbox()) {
            throw new MailException(ErrorReason.CANNOT, "INBOX cannot be deleted");
        }
        if (session.selected() != null && session.selected().mailbox().id().equals(mailbox.id())) {
            session.select(null);
        }
        session.store().mailboxes().delete(session.account(), mailbox.id(), true);
        return Completion.ok("DELETE completed");
    }
}
