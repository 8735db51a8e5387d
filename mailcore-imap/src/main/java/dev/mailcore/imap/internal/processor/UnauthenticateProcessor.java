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

/** UNAUTHENTICATE (RFC 8437): ends the login but keeps the connection (and its TLS) for another one. */
public final class UnauthenticateProcessor implements Processor<Command.Unauthenticate> {
    @Override
    public Class<Command.Unauthenticate> type() {
        return Command.Unauthenticate.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.AUTHENTICATED, SessionState.SELECTED);
    }

    @Override
    public List<String> capabilities(ImapSession session) {
        return List.of("UNAUTHENTICATE");
    }

    @Override
    public Completion process(Command.Unauthenticate command, ImapSession session) {
        session.unauthenticate();
        return Completion.ok("UNAUTHENTICATE completed");
    }
}
