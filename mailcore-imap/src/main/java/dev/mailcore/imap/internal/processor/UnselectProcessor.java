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
import java.util.List;
import java.util.Set;

/** UNSELECT (RFC 3691): leaves the mailbox without expunging. */
public final class UnselectProcessor implements Processor<Command.Unselect> {
    @Override
    public Class<Command.Unselect> type() {
        return Command.Unselect.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.SELECTED);
    }

    @Override
    public List<String> capabilities(ImapSession session) {
        return List.of("UNSELECT");
    }

    @Override
    public Completion process(Command.Unselect command, ImapSession session) {
        session.select(null);
        return Completion.ok("UNSELECT completed");
    }
}
