/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal.processor;

import dev.mailcore.api.UidSet;
import dev.mailcore.imap.internal.BinaryDecoder;
import dev.mailcore.imap.internal.Command;
import dev.mailcore.imap.internal.Completion;
import dev.mailcore.imap.internal.FetchResponder;
import dev.mailcore.imap.internal.ImapSession;
import dev.mailcore.imap.internal.Processor;
import dev.mailcore.imap.internal.SessionState;
import dev.mailcore.imap.internal.Vanished;
import java.util.List;
import java.util.Set;

/** FETCH and UID FETCH; the encoding lives in {@link FetchResponder}. */
public final class FetchProcessor implements Processor<Command.Fetch> {
    @Override
    public Class<Command.Fetch> type() {
        return Command.Fetch.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.SELECTED);
    }

    @Override
    public List<String> capabilities(ImapSession session) {
        return List.of("OBJECTID", "BINARY", "PREVIEW", "SAVEDATE");
    }

    @Override
    public Completion process(Command.Fetch command, ImapSession session) {
        if (command.vanished() && !session.qresync()) {
            return Completion.bad("QRESYNC must be enabled first");
        }
        if (command.vanished()) {
            Vanished.write(
                    session,
                    session.selected(),
                    command.set().resolve(UidSet.MAX_UID),
                    command.changedSince().getAsLong());
        }
        try {
            new FetchResponder(session).fetch(command);
        } catch (BinaryDecoder.UnknownEncoding e) {
            return Completion.no("[UNKNOWN-CTE] " + e.getMessage());
        }
        return command.uid() ? Completion.ok("UID FETCH completed") : Completion.okNoExpunge("FETCH completed");
    }
}
