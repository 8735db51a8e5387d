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

/** ID (RFC 2971): names the server; the client's parameters are not kept. */
public final class IdProcessor implements Processor<Command.Id> {
    @Override
    public Class<Command.Id> type() {
        return Command.Id.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.NOT_AUTHENTICATED, SessionState.AUTHENTICATED, SessionState.SELECTED);
    }

    @Override
    public List<String> capabilities(ImapSession session) {
        return List.of("ID");
    }

    @Override
    public Completion process(Command.Id command, ImapSession session) {
        session.out().untagged("ID (\"name\" \"Mailcore\")");
        return Completion.ok("ID completed");
    }
}
