/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal.processor;

import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.imap.internal.Command;
import dev.mailcore.imap.internal.Completion;
import dev.mailcore.imap.internal.ImapSession;
import dev.mailcore.imap.internal.Processor;
import dev.mailcore.imap.internal.SessionState;
import java.util.Set;

/** CREATE. */
public final class CreateProcessor implements Processor<Command.Create> {
    @Override
    public Class<Command.Create> type() {
        return Command.Create.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.AUTHENTICATED, SessionState.SELECTED);
    }

    @Override
    public Completion process(Command.Create command, ImapSession session) {
        String name = session.mailboxName(command.mailbox());
        if (name.equals("INBOX")) {
            throw new MailException(ErrorReason.ALREADY_EXISTS, "INBOX always exists");
        }
        session.store().mailboxes().create(session.account(), name, null);
        return Completion.ok("CREATE completed");
    }
}
