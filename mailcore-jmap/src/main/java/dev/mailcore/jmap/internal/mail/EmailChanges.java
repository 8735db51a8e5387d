/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.Change;
import dev.mailcore.api.ChangeSet;
import dev.mailcore.jmap.internal.Capabilities;
import dev.mailcore.jmap.internal.ChangeLog;
import dev.mailcore.jmap.internal.Invocation;
import dev.mailcore.jmap.internal.JmapMethod;
import tools.jackson.databind.node.ObjectNode;

/** {@code Email/changes} (RFC 8621 §4.3). */
final class EmailChanges implements JmapMethod {
    @Override
    public String name() {
        return "Email/changes";
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
            if (change instanceof Change.EmailChanged email) {
                fold.add(email.emailId().value(), email.kind());
            }
        }
        return fold.response(account, set.since(), set);
    }
}
