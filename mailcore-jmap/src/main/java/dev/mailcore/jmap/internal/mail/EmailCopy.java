/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.api.AccountId;
import dev.mailcore.jmap.internal.Capabilities;
import dev.mailcore.jmap.internal.Invocation;
import dev.mailcore.jmap.internal.JmapMethod;
import dev.mailcore.jmap.internal.Json;
import dev.mailcore.jmap.internal.MethodError;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code Email/copy} (RFC 8621 §4.7) copies between two accounts only; within one account a client adds a mailbox
 * with Email/set. A user here has one account, so a copy always names a source it cannot reach.
 */
final class EmailCopy implements JmapMethod {
    @Override
    public String name() {
        return "Email/copy";
    }

    @Override
    public String capability() {
        return Capabilities.MAIL;
    }

    @Override
    public ObjectNode call(ObjectNode args, Invocation invocation) {
        AccountId account = invocation.accountId(args);
        String from = Json.optionalString(args, "fromAccountId");
        if (from == null) {
            throw MethodError.invalidArguments("fromAccountId is required");
        }
        if (from.equals(account.value())) {
            throw MethodError.invalidArguments(
                    "fromAccountId must differ from accountId; use Email/set to copy" + " within an account");
        }
        throw new MethodError("fromAccountNotFound", "no such account for this user");
    }
}
