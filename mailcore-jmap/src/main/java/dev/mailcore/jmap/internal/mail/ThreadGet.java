/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailException;
import dev.mailcore.api.ThreadId;
import dev.mailcore.jmap.internal.Capabilities;
import dev.mailcore.jmap.internal.GetArguments;
import dev.mailcore.jmap.internal.Invocation;
import dev.mailcore.jmap.internal.JmapMethod;
import dev.mailcore.jmap.internal.Json;
import dev.mailcore.jmap.internal.MethodError;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code Thread/get} (RFC 8621 §3.1): the emails of each thread, oldest received first. */
final class ThreadGet implements JmapMethod {
    @Override
    public String name() {
        return "Thread/get";
    }

    @Override
    public String capability() {
        return Capabilities.MAIL;
    }

    @Override
    public ObjectNode call(ObjectNode args, Invocation invocation) {
        AccountId account = invocation.accountId(args);
        GetArguments get = GetArguments.parse(args, invocation);
        if (get.ids() == null) {
            throw MethodError.tooLarge("Thread/get needs ids");
        }
        ObjectNode response = Json.object().put("accountId", account.value()).put("state", invocation.state());
        ArrayNode list = response.putArray("list");
        ArrayNode notFound = response.putArray("notFound");
        for (String id : get.ids()) {
            List<EmailId> emails;
            try {
                emails = invocation.store().messages().thread(account, ThreadId.of(id));
            } catch (MailException e) {
                if (e.reason().temporary()) {
                    // A store that is down must not make the thread look gone.
                    throw e;
                }
                emails = List.of();
            }
            if (emails.isEmpty()) {
                notFound.add(id);
            } else {
                ObjectNode thread = list.addObject().put("id", id);
                thread.set(
                        "emailIds",
                        Json.strings(emails.stream().map(EmailId::value).toList()));
            }
        }
        return response;
    }
}
