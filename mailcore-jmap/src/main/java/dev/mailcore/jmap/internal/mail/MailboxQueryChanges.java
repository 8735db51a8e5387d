/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.Change;
import dev.mailcore.api.ChangeSet;
import dev.mailcore.jmap.internal.Capabilities;
import dev.mailcore.jmap.internal.Invocation;
import dev.mailcore.jmap.internal.JmapMethod;
import dev.mailcore.jmap.internal.Json;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code Mailbox/queryChanges} (RFC 8620 §5.6), answered as {@link ChangeLogReplay} describes. Any Mailbox/query filter
 * and sort can be followed this way, since they read only mailbox properties the log tracks.
 */
final class MailboxQueryChanges implements JmapMethod {
    @Override
    public String name() {
        return "Mailbox/queryChanges";
    }

    @Override
    public String capability() {
        return Capabilities.MAIL;
    }

    @Override
    public ObjectNode call(ObjectNode args, Invocation invocation) {
        AccountId account = invocation.accountId(args);
        ChangeLogReplay.Since since = ChangeLogReplay.arguments(args);
        ChangeSet changes = ChangeLogReplay.log(since, invocation, account);
        Set<String> touched = new LinkedHashSet<>();
        for (Change change : changes.changes()) {
            if (change instanceof Change.MailboxChanged mailbox) {
                touched.add(mailbox.mailboxId().value());
            }
        }
        List<String> results = MailboxQuery.ids(args, invocation, account);
        String upToId = Json.optionalString(args, "upToId");
        return ChangeLogReplay.response(
                args, account, since, changes, touched, results, upToId == null ? null : invocation.resolveId(upToId));
    }
}
