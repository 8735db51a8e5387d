/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal.processor;

import dev.mailcore.api.AppendRequest;
import dev.mailcore.api.AppendResult;
import dev.mailcore.api.FlagChange;
import dev.mailcore.api.Flags;
import dev.mailcore.api.Mailbox;
import dev.mailcore.api.UidSet;
import dev.mailcore.imap.internal.Command;
import dev.mailcore.imap.internal.Completion;
import dev.mailcore.imap.internal.ImapSession;
import dev.mailcore.imap.internal.MessageFlags;
import dev.mailcore.imap.internal.Processor;
import dev.mailcore.imap.internal.SessionState;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** APPEND with flags and date-time, answering APPENDUID (UIDPLUS). */
public final class AppendProcessor implements Processor<Command.Append> {
    @Override
    public Class<Command.Append> type() {
        return Command.Append.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.AUTHENTICATED, SessionState.SELECTED);
    }

    @Override
    public List<String> capabilities(ImapSession session) {
        return List.of("UIDPLUS");
    }

    @Override
    public Completion process(Command.Append command, ImapSession session) {
        Optional<Mailbox> mailbox =
                session.store().mailboxes().byPath(session.account(), session.mailboxName(command.mailbox()));
        if (mailbox.isEmpty()) {
            return Completion.no("[TRYCREATE] no such mailbox");
        }
        Flags flags = MessageFlags.parse(command.flags());
        AppendResult result;
        try (InputStream in = command.message().open()) {
            result = session.store()
                    .messages()
                    .append(
                            session.account(),
                            mailbox.get().id(),
                            new AppendRequest(in, flags.keywords(), command.date()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (flags.deleted()) {
            session.store()
                    .messages()
                    .updateFlags(
                            session.account(),
                            mailbox.get().id(),
                            UidSet.of(result.uid()),
                            FlagChange.add(new Flags(Set.of(), true)),
                            OptionalLong.empty());
        }
        return Completion.ok("[APPENDUID " + result.uidValidity() + " " + result.uid() + "] APPEND completed");
    }
}
