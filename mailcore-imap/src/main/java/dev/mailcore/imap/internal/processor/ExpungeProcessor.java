/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal.processor;

import dev.mailcore.api.UidSet;
import dev.mailcore.imap.internal.Command;
import dev.mailcore.imap.internal.Completion;
import dev.mailcore.imap.internal.ImapSession;
import dev.mailcore.imap.internal.Processor;
import dev.mailcore.imap.internal.SelectedMailbox;
import dev.mailcore.imap.internal.SessionState;
import java.util.List;
import java.util.Set;

/** EXPUNGE and UID EXPUNGE; the EXPUNGE responses come from the session's refresh before the tagged OK. */
public final class ExpungeProcessor implements Processor<Command.Expunge> {
    @Override
    public Class<Command.Expunge> type() {
        return Command.Expunge.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.SELECTED);
    }

    @Override
    public List<String> capabilities(ImapSession session) {
        return List.of("UIDPLUS");
    }

    @Override
    public Completion process(Command.Expunge command, ImapSession session) {
        SelectedMailbox selected = session.selected();
        if (selected.readOnly()) {
            return Completion.no("[READ-ONLY] mailbox is read-only");
        }
        UidSet restrict = command.uids() == null ? null : selected.toUids(command.uids(), true);
        if (restrict == null || !restrict.isEmpty()) {
            session.store()
                    .messages()
                    .expunge(session.account(), selected.mailbox().id(), restrict);
        }
        return Completion.ok("EXPUNGE completed");
    }
}
