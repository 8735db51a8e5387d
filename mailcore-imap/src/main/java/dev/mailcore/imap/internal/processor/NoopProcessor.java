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

/** NOOP: does nothing, so pending updates are reported. */
public final class NoopProcessor implements Processor<Command.Noop> {
    @Override
    public Class<Command.Noop> type() {
        return Command.Noop.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.NOT_AUTHENTICATED, SessionState.AUTHENTICATED, SessionState.SELECTED);
    }

    @Override
    public Completion process(Command.Noop command, ImapSession session) {
        return Completion.ok("NOOP completed");
    }
}
