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

/**
 * COMPRESS DEFLATE (RFC 4978): the OK goes out uncompressed, everything after it in both directions is deflated.
 * Offered once the client is authenticated, as the RFC advises, so the credentials' length never shows in compressed
 * traffic sizes.
 */
public final class CompressProcessor implements Processor<Command.Compress> {
    private static final String DEFLATE = "DEFLATE";

    @Override
    public Class<Command.Compress> type() {
        return Command.Compress.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.AUTHENTICATED, SessionState.SELECTED);
    }

    @Override
    public List<String> capabilities(ImapSession session) {
        return states().contains(session.state()) && !session.connection().isCompressed()
                ? List.of("COMPRESS=" + DEFLATE)
                : List.of();
    }

    @Override
    public Completion process(Command.Compress command, ImapSession session) {
        if (!command.mechanism().equals(DEFLATE)) {
            return Completion.bad("unknown compression mechanism");
        }
        if (session.connection().isCompressed()) {
            return Completion.no("[COMPRESSIONACTIVE] DEFLATE is already active");
        }
        session.out().flush();
        session.connection()
                .startCompression(ByteBuffer.wrap(
                        (command.tag() + " OK DEFLATE active\r\n").getBytes(StandardCharsets.US_ASCII)));
        return null;
    }
}
