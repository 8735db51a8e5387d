/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal.processor;

import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.api.Mailbox;
import dev.mailcore.api.UidSet;
import dev.mailcore.imap.internal.Command;
import dev.mailcore.imap.internal.Completion;
import dev.mailcore.imap.internal.FetchItem;
import dev.mailcore.imap.internal.FetchResponder;
import dev.mailcore.imap.internal.ImapSession;
import dev.mailcore.imap.internal.Processor;
import dev.mailcore.imap.internal.ResponseWriter;
import dev.mailcore.imap.internal.SelectedMailbox;
import dev.mailcore.imap.internal.SequenceSet;
import dev.mailcore.imap.internal.SessionState;
import dev.mailcore.imap.internal.Vanished;
import java.util.List;
import java.util.Set;

/** SELECT and EXAMINE, with CONDSTORE's HIGHESTMODSEQ. */
public final class SelectProcessor implements Processor<Command.Select> {
    @Override
    public Class<Command.Select> type() {
        return Command.Select.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.AUTHENTICATED, SessionState.SELECTED);
    }

    @Override
    public List<String> capabilities(ImapSession session) {
        return List.of("CONDSTORE", "QRESYNC");
    }

    @Override
    public Completion process(Command.Select command, ImapSession session) {
        // A failed SELECT leaves the session unselected (RFC 9051 §6.3.2); CLOSED tells where the old one's
        // responses end (RFC 7162 §3.2.11, RFC 9051 §7.1).
        if (command.qresync() != null && !session.qresync()) {
            return Completion.bad("QRESYNC must be enabled first");
        }
        if (session.selected() != null && (session.rev2() || session.qresync())) {
            session.out().untagged("OK [CLOSED] previous mailbox closed");
        }
        session.select(null);
        Mailbox mailbox = session.store()
                .mailboxes()
                .byPath(session.account(), session.mailboxName(command.mailbox()))
                .orElseThrow(() -> new MailException(ErrorReason.MAILBOX_NOT_FOUND, "no such mailbox"));
        if (command.condstore()) {
            session.enableCondstore();
        }
        SelectedMailbox selected = SelectedMailbox.of(
                mailbox, command.readOnly(), session.store().messages().uidRanges(session.account(), mailbox.id()));
        ResponseWriter out = session.out();
        out.untagged("FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)");
        out.untagged(
                command.readOnly()
                        ? "OK [PERMANENTFLAGS ()] read-only"
                        : "OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] flags permitted");
        out.untagged(selected.exists() + " EXISTS");
        if (session.rev2()) {
            list(mailbox, session);
        } else {
            // \\Recent is not tracked: no session ever sees a message as recent.
            out.untagged("0 RECENT");
        }
        out.untagged("OK [UIDVALIDITY " + mailbox.uidValidity() + "] UIDs valid");
        out.untagged("OK [UIDNEXT " + mailbox.uidNext() + "] predicted next UID");
        out.untagged("OK [HIGHESTMODSEQ " + mailbox.highestModSeq() + "] highest");
        out.untagged("OK [MAILBOXID (" + mailbox.id().value() + ")] mailbox id");
        session.select(selected);
        if (command.qresync() != null && command.qresync().uidValidity() == mailbox.uidValidity()) {
            resync(command.qresync(), selected, session);
        }
        return Completion.ok(command.readOnly() ? "[READ-ONLY] EXAMINE completed" : "[READ-WRITE] SELECT completed");
    }

    /** RFC 9051 §6.3.2: an IMAP4rev2 SELECT names the mailbox in a LIST response, with its attributes. */
    private static void list(Mailbox mailbox, ImapSession session) {
        String prefix = mailbox.path() + Mailbox.DELIMITER;
        boolean children = session.store().mailboxes().list(session.account()).stream()
                .anyMatch(m -> m.path().startsWith(prefix));
        List<String> attributes = new java.util.ArrayList<>();
        attributes.add(children ? "\\HasChildren" : "\\HasNoChildren");
        if (mailbox.role() != null) {
            mailbox.role().specialUse().ifPresent(attributes::add);
        }
        ResponseWriter out = session.out();
        out.raw("* LIST (").raw(String.join(" ", attributes)).raw(") \"/\" ");
        out.mailbox(mailbox.path()).crlf();
    }

    /** RFC 7162 §3.2.5: what was removed since the client's MODSEQ as VANISHED (EARLIER), then what changed. */
    private static void resync(Command.Qresync qresync, SelectedMailbox selected, ImapSession session) {
        UidSet known = qresync.knownUids() == null
                ? UidSet.range(1, UidSet.MAX_UID)
                : qresync.knownUids().resolve(UidSet.MAX_UID);
        Vanished.write(session, selected, known, qresync.modSeq());
        if (selected.exists() == 0) {
            return;
        }
        new FetchResponder(session)
                .fetch(new Command.Fetch(
                        "",
                        true,
                        SequenceSet.parse(known.toString()),
                        List.of(FetchItem.Simple.FLAGS),
                        java.util.OptionalLong.of(qresync.modSeq()),
                        false));
    }
}
