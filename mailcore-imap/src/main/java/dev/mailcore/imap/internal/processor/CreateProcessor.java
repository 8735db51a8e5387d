/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal.processor;

import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.api.MailboxRole;
import dev.mailcore.imap.internal.Command;
import dev.mailcore.imap.internal.Completion;
import dev.mailcore.imap.internal.ImapSession;
import dev.mailcore.imap.internal.Processor;
import dev.mailcore.imap.internal.SessionState;
import java.util.List;
import java.util.Set;

/** CREATE, with CREATE-SPECIAL-USE (RFC 6154). */
public final class CreateProcessor implements Processor<Command.Create> {
    @Override
    public Class<Command.Create> type() {
        return Command.Create.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.AUTHENTICATED, SessionState.SELECTED);
    }

    @Override
    public List<String> capabilities(ImapSession session) {
        return List.of("CREATE-SPECIAL-USE");
    }

    @Override
    public Completion process(Command.Create command, ImapSession session) {
        String name = session.mailboxName(command.mailbox());
        if (name.equals("INBOX")) {
            throw new MailException(ErrorReason.ALREADY_EXISTS, "INBOX always exists");
        }
        MailboxRole role = null;
        if (!command.specialUse().isEmpty()) {
            if (command.specialUse().size() > 1) {
                return Completion.no("[USEATTR] one special use per mailbox");
            }
            role = MailboxRole.fromSpecialUse(command.specialUse().getFirst()).orElse(null);
            if (role == null) {
                return Completion.no(
                        "[USEATTR] unknown special use " + command.specialUse().getFirst());
            }
        }
        session.store().mailboxes().create(session.account(), name, role);
        return Completion.ok("CREATE completed");
    }
}
