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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** APPEND with flags and date-time, of one message or several at once (MULTIAPPEND), answering APPENDUID. */
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
        // APPENDLIMIT (RFC 7889): the literal limit is what bounds a message.
        return List.of(
                "UIDPLUS", "MULTIAPPEND", "APPENDLIMIT=" + session.config().appendLimit());
    }

    @Override
    public Completion process(Command.Append command, ImapSession session) {
        Optional<Mailbox> mailbox =
                session.store().mailboxes().byPath(session.account(), session.mailboxName(command.mailbox()));
        if (mailbox.isEmpty()) {
            return Completion.no("[TRYCREATE] no such mailbox");
        }
        List<Flags> flags = command.messages().stream()
                .map(m -> MessageFlags.parse(m.flags()))
                .toList();
        List<InputStream> streams = new ArrayList<>();
        List<AppendResult> results;
        try {
            List<AppendRequest> requests = new ArrayList<>();
            for (int i = 0; i < command.messages().size(); i++) {
                Command.AppendMessage message = command.messages().get(i);
                InputStream in = message.message().open();
                streams.add(in);
                requests.add(new AppendRequest(in, flags.get(i).keywords(), message.date()));
            }
            // RFC 3502: all messages are appended, or none.
            results = session.store()
                    .messages()
                    .appendAll(session.account(), mailbox.get().id(), requests);
        } finally {
            close(streams);
        }
        UidSet.Builder deleted = UidSet.builder();
        UidSet.Builder appended = UidSet.builder();
        for (int i = 0; i < results.size(); i++) {
            appended.add(results.get(i).uid());
            if (flags.get(i).deleted()) {
                deleted.add(results.get(i).uid());
            }
        }
        UidSet toDelete = deleted.build();
        if (!toDelete.isEmpty()) {
            session.store()
                    .messages()
                    .updateFlags(
                            session.account(),
                            mailbox.get().id(),
                            toDelete,
                            FlagChange.add(new Flags(Set.of(), true)),
                            OptionalLong.empty());
        }
        // APPENDUID lists the new UIDs in the order of the messages; they are ascending, so a set says it.
        return Completion.ok(
                "[APPENDUID " + results.getFirst().uidValidity() + " " + appended.build() + "] APPEND completed");
    }

    private static void close(List<InputStream> streams) {
        for (InputStream in : streams) {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
