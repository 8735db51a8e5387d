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

/** CHECK: every change is durable already, so only updates are reported. */
public final class CheckProcessor implements Processor<Command.Check> {
    @Override
    public Class<Command.Check> type() {
        return Command.Check.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.SELECTED);
    }

    @Override
    public Completion process(Command.Check command, ImapSession session) {
        return Completion.ok("CHECK completed");
    }
}
