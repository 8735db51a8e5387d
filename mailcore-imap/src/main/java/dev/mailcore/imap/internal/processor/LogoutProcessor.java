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

/** LOGOUT: says BYE and closes the connection. */
public final class LogoutProcessor implements Processor<Command.Logout> {
    @Override
    public Class<Command.Logout> type() {
        return Command.Logout.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.NOT_AUTHENTICATED, SessionState.AUTHENTICATED, SessionState.SELECTED);
    }

    @Override
    public Completion process(Command.Logout command, ImapSession session) {
        session.out().untagged("BYE logging out");
        session.out().tagged(command.tag(), "OK", "LOGOUT completed");
        session.logout();
        session.out().flush();
        session.connection().close();
        return null;
    }
}
