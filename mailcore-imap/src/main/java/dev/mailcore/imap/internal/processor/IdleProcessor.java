/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal.processor;

import dev.mailcore.api.Subscription;
import dev.mailcore.imap.internal.Command;
import dev.mailcore.imap.internal.Completion;
import dev.mailcore.imap.internal.ImapSession;
import dev.mailcore.imap.internal.Processor;
import dev.mailcore.imap.internal.SessionState;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * IDLE (RFC 2177): listens to the account's change events and reports each change at once, until the client sends
 * DONE.
 */
public final class IdleProcessor implements Processor<Command.Idle> {
    @Override
    public Class<Command.Idle> type() {
        return Command.Idle.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.AUTHENTICATED, SessionState.SELECTED);
    }

    @Override
    public List<String> capabilities(ImapSession session) {
        return List.of("IDLE");
    }

    @Override
    public Completion process(Command.Idle command, ImapSession session) {
        boolean[] idling = {true};
        Subscription subscription = session.subscribe(event -> session.later(() -> {
            if (idling[0] && session.selected() != null && session.state() == SessionState.SELECTED) {
                session.selected()
                        .refresh(
                                session.store(),
                                session.account(),
                                session.out(),
                                true,
                                session.condstore(),
                                session.qresync());
            }
        }));
        session.out().raw("+ idling").crlf();
        // Changes that happened before the subscription are reported now; later ones come through the events.
        if (session.selected() != null) {
            session.selected()
                    .refresh(
                            session.store(),
                            session.account(),
                            session.out(),
                            true,
                            session.condstore(),
                            session.qresync());
        }
        session.await(new ImapSession.Continuation() {
            @Override
            public void line(byte[] line) {
                idling[0] = false;
                subscription.close();
                if (new String(line, StandardCharsets.US_ASCII).equalsIgnoreCase("DONE")) {
                    session.complete(command.tag(), Completion.ok("IDLE terminated"));
                } else {
                    session.complete(command.tag(), Completion.bad("expected DONE"));
                }
            }

            @Override
            public void abandon() {
                idling[0] = false;
                subscription.close();
            }
        });
        return null;
    }
}
