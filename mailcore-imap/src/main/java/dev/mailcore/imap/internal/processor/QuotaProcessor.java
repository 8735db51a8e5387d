/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal.processor;

import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.api.Mailbox;
import dev.mailcore.api.QuotaUsage;
import dev.mailcore.imap.internal.Command;
import dev.mailcore.imap.internal.Completion;
import dev.mailcore.imap.internal.ImapSession;
import dev.mailcore.imap.internal.Processor;
import dev.mailcore.imap.internal.ResponseWriter;
import dev.mailcore.imap.internal.SessionState;
import java.util.List;
import java.util.Set;

/**
 * GETQUOTA and GETQUOTAROOT (RFC 9208) over {@code Quotas.usage}: one quota root, {@code ""}, for the whole account.
 * SETQUOTA is not offered: limits are the host application's to set.
 */
public final class QuotaProcessor implements Processor<Command.GetQuota> {
    /** The account's one quota root. */
    private static final String ROOT = "";

    @Override
    public Class<Command.GetQuota> type() {
        return Command.GetQuota.class;
    }

    @Override
    public Set<SessionState> states() {
        return Set.of(SessionState.AUTHENTICATED, SessionState.SELECTED);
    }

    @Override
    public List<String> capabilities(ImapSession session) {
        return List.of("QUOTA", "QUOTA=RES-STORAGE", "QUOTA=RES-MESSAGE");
    }

    @Override
    public Completion process(Command.GetQuota command, ImapSession session) {
        ResponseWriter out = session.out();
        if (command.ofMailbox()) {
            Mailbox mailbox = session.store()
                    .mailboxes()
                    .byPath(session.account(), session.mailboxName(command.name()))
                    .orElseThrow(() -> new MailException(ErrorReason.MAILBOX_NOT_FOUND, "no such mailbox"));
            out.raw("* QUOTAROOT ")
                    .mailbox(mailbox.path())
                    .raw(" ")
                    .string(ROOT)
                    .crlf();
        } else if (!command.name().equals(ROOT)) {
            return Completion.no("[NONEXISTENT] no such quota root");
        }
        quota(session.store().quotas().usage(session.account()), out);
        return Completion.ok(command.ofMailbox() ? "GETQUOTAROOT completed" : "GETQUOTA completed");
    }

    /** Only limited resources are listed; STORAGE counts units of 1024 octets, rounded up. */
    private static void quota(QuotaUsage usage, ResponseWriter out) {
        out.raw("* QUOTA ").string(ROOT).raw(" (");
        boolean storage = usage.hasStorageLimit();
        if (storage) {
            out.raw("STORAGE ")
                    .number((usage.storageUsed() + 1023) / 1024)
                    .raw(" ")
                    .number(usage.storageLimit() / 1024);
        }
        if (usage.hasMessageLimit()) {
            out.raw(storage ? " " : "")
                    .raw("MESSAGE ")
                    .number(usage.messagesUsed())
                    .raw(" ")
                    .number(usage.messageLimit());
        }
        out.raw(")").crlf();
    }
}
