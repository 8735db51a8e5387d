/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.Change;
import dev.mailcore.api.ChangeKind;
import dev.mailcore.api.ChangeSet;
import dev.mailcore.jmap.internal.Capabilities;
import dev.mailcore.jmap.internal.ChangeLog;
import dev.mailcore.jmap.internal.Invocation;
import dev.mailcore.jmap.internal.JmapMethod;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code Mailbox/changes} (RFC 8621 §2.2). A message entering or leaving a mailbox changes its counts, so the
 * mailbox is reported as updated then too.
 */
final class MailboxChanges implements JmapMethod {
    @Override
    public String name() {
        return "Mailbox/changes";
    }

    @Override
    public String capability() {
        return Capabilities.MAIL;
    }

    @Override
    public ObjectNode call(ObjectNode args, Invocation invocation) {
        AccountId account = invocation.accountId(args);
        ChangeSet set = ChangeLog.read(args, invocation, account);
        ChangeLog.Fold fold = new ChangeLog.Fold();
        for (Change change : set.changes()) {
            switch (change) {
                case Change.MailboxChanged m -> fold.add(m.mailboxId().value(), m.kind());
                case Change.MessageRemoved r -> fold.add(r.mailboxId().value(), ChangeKind.UPDATED);
                case Change.EmailChanged e -> {}
            }
        }
        ObjectNode response = fold.response(account, set.since(), set);
        response.putNull("updatedProperties");
        return response;
    }
}
