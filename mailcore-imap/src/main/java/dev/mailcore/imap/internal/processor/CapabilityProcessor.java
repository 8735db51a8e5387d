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

/** CAPABILITY (RFC 9051 §6.1.1): the list every processor contributes to. */
public final class CapabilityProcessor implements Processor<Command.Capability> {
    @Override
    public Class<Command.Capability> type() {
        return Command.Capability.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.NOT_AUTHENTICATED, SessionState.AUTHENTICATED, SessionState.SELECTED);
    }

    @Override
    public List<String> capabilities(ImapSession session) {
        // IMAP4rev2's mandatory parts (RFC 9051 §7.2.2) are all declared by their processors.
        return List.of("IMAP4rev1", "IMAP4rev2", "LITERAL+");
    }

    @Override
    public Completion process(Command.Capability command, ImapSession session) {
        session.out().untagged("CAPABILITY " + session.capabilities());
        return Completion.ok("CAPABILITY completed");
    }
}
