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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** STARTTLS (RFC 9051 §6.2.1): the reply goes out in plaintext, then TLS starts. */
public final class StartTlsProcessor implements Processor<Command.StartTls> {
    @Override
    public Class<Command.StartTls> type() {
        return Command.StartTls.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.NOT_AUTHENTICATED);
    }

    @Override
    public List<String> capabilities(ImapSession session) {
        return session.connection().canStartTls() ? List.of("STARTTLS") : List.of();
    }

    @Override
    public Completion process(Command.StartTls command, ImapSession session) {
        if (!session.connection().canStartTls()) {
            return Completion.bad("STARTTLS not available");
        }
        session.out().flush();
        session.connection()
                .startTls(ByteBuffer.wrap(
                        (command.tag() + " OK Begin TLS negotiation now\r\n").getBytes(StandardCharsets.US_ASCII)));
        return null;
    }
}
