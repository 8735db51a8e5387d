/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.Mailbox;
import dev.mailcore.jmap.internal.Capabilities;
import dev.mailcore.jmap.internal.GetArguments;
import dev.mailcore.jmap.internal.Invocation;
import dev.mailcore.jmap.internal.JmapMethod;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code Mailbox/get} (RFC 8621 §2.1). */
final class MailboxGet implements JmapMethod {
    @Override
    public String name() {
        return "Mailbox/get";
    }

    @Override
    public String capability() {
        return Capabilities.MAIL;
    }

    @Override
    public ObjectNode call(ObjectNode args, Invocation invocation) {
        AccountId account = invocation.accountId(args);
        GetArguments get = GetArguments.parse(args, invocation);
        Set<String> properties = get.propertiesOr(MailboxJson.PROPERTIES, MailboxJson.PROPERTIES);
        String state = invocation.state();
        List<Mailbox> mailboxes = invocation.store().mailboxes().list(account);
        ObjectNode response = new ObjectNode(tools.jackson.databind.node.JsonNodeFactory.instance);
        response.put("accountId", account.value()).put("state", state);
        ArrayNode list = response.putArray("list");
        ArrayNode notFound = response.putArray("notFound");
        if (get.ids() == null) {
            mailboxes.forEach(m -> list.add(MailboxJson.of(invocation.store(), account, m, properties)));
        } else {
            Map<String, Mailbox> byId =
                    mailboxes.stream().collect(Collectors.toMap(m -> m.id().value(), Function.identity()));
            for (String id : get.ids()) {
                Mailbox mailbox = byId.get(id);
                if (mailbox == null) {
                    notFound.add(id);
                } else {
                    list.add(MailboxJson.of(invocation.store(), account, mailbox, properties));
                }
            }
        }
        return response;
    }
}
