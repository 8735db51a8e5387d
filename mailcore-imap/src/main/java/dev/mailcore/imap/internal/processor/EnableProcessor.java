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

/** ENABLE (RFC 5161): CONDSTORE and UTF8=ACCEPT; others are ignored as the RFC asks. */
public final class EnableProcessor implements Processor<Command.Enable> {
    @Override
    public Class<Command.Enable> type() {
        return Command.Enable.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.AUTHENTICATED, SessionState.SELECTED);
    }

    @Override
    public List<String> capabilities(ImapSession session) {
        return List.of("ENABLE", "UTF8=ACCEPT");
    }

    @Override
    public Completion process(Command.Enable command, ImapSession session) {
        List<String> enabled = new java.util.ArrayList<>();
        for (String capability : command.capabilities()) {
            switch (capability) {
                case "CONDSTORE" -> {
                    session.enableCondstore();
                    enabled.add(capability);
                }
                case "QRESYNC" -> {
                    session.enableQresync();
                    enabled.add(capability);
                }
                case "UTF8=ACCEPT" -> {
                    session.enableUtf8();
                    enabled.add(capability);
                }
                case "IMAP4REV2" -> {
                    // RFC 9051: mailbox names are UTF-8, SEARCH answers ESEARCH, no RECENT.
                    session.enableRev2();
                    session.enableUtf8();
                    enabled.add("IMAP4rev2");
                }
                default -> {}
            }
        }
        session.out().untagged(enabled.isEmpty() ? "ENABLED" : "ENABLED " + String.join(" ", enabled));
        return Completion.ok("ENABLE completed");
    }
}
