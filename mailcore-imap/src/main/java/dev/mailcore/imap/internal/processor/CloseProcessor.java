/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal.processor;

import dev.mailcore.imap.internal.Command;
import dev.mailcore.imap.internal.Completion;
import dev.mailcore.imap.internal.ImapSession;
import dev.mailcore.imap.internal.Processor;
import dev.mailcore.imap.internal.SessionState;
import java.util.Set;

/** CLOSE: expunges silently (unless read-only) and leaves the mailbox. */
public final class CloseProcessor implements Processor<Command.Close> {
    @Override
    public Class<Command.Close> type() {
        return Command.Close.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.SELECTED);
    }

    @Override
    public Completion process(Command.Close command, ImapSession session) {
        var selected = session.selected();
        session.select(null);
        if (!selected.readOnly()) {
            session.store()
                    .messages()
                    .expunge(session.account(), selected.mailbox().id(), null);
        }
        return Completion.ok("CLOSE completed");
    }
}
