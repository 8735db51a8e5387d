/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal.processor;

import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.api.Mailbox;
import dev.mailcore.imap.internal.Command;
import dev.mailcore.imap.internal.Completion;
import dev.mailcore.imap.internal.ImapSession;
import dev.mailcore.imap.internal.Processor;
import dev.mailcore.imap.internal.SessionState;
import java.util.Set;

/** SUBSCRIBE and UNSUBSCRIBE. */
public final class SubscribeProcessor implements Processor<Command.Subscribe> {
    @Override
    public Class<Command.Subscribe> type() {
        return Command.Subscribe.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.AUTHENTICATED, SessionState.SELECTED);
    }

    @Override
    public Completion process(Command.Subscribe command, ImapSession session) {
        Mailbox mailbox = session.store()
                .mailboxes()
                .byPath(session.account(), session.mailboxName(command.mailbox()))
                .orElseThrow(() -> new MailException(ErrorReason.MAILBOX_NOT_FOUND, "no such mailbox"));
        session.store().mailboxes().setSubscribed(session.account(), mailbox.id(), command.subscribe());
        return Completion.ok(command.subscribe() ? "SUBSCRIBE completed" : "UNSUBSCRIBE completed");
    }
}
