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

/** NAMESPACE (RFC 2342): one personal namespace with delimiter /. */
public final class NamespaceProcessor implements Processor<Command.Namespace> {
    @Override
    public Class<Command.Namespace> type() {
        return Command.Namespace.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.AUTHENTICATED, SessionState.SELECTED);
    }

    @Override
    public List<String> capabilities(ImapSession session) {
        return List.of("NAMESPACE");
    }

    @Override
    public Completion process(Command.Namespace command, ImapSession session) {
        session.out().untagged("NAMESPACE ((\"\" \"/\")) NIL NIL");
        return Completion.ok("NAMESPACE completed");
    }
}
