/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.submission;

import dev.mailcore.api.Account;
import dev.mailcore.jmap.internal.GetArguments;
import dev.mailcore.jmap.internal.Invocation;
import dev.mailcore.jmap.internal.Json;
import dev.mailcore.jmap.internal.MethodError;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code /get} and {@code /changes} answers (RFC 8620 §5.1, §5.2) for objects kept in {@link AccountObjects}. */
final class AccountObjectResponses {
    private AccountObjectResponses() {}

    /** A {@code /get} response: the objects asked for (all when {@code ids} is null), cut to the properties asked. */
    static ObjectNode get(ObjectNode args, Invocation invocation, AccountObjects objects, Set<String> properties) {
        invocation.accountId(args);
        Account account = invocation.account();
        GetArguments get = GetArguments.parse(args, invocation);
        Set<String> wanted = get.propertiesOr(properties, properties);
        ObjectNode response = Json.object()
                .put("accountId", account.id().value())
                .put("state", Long.toString(objects.state(account)));
        ArrayNode list = response.putArray("list");
        ArrayNode notFound = response.putArray("notFound");
        if (get.ids() == null) {
            objects.list(account).forEach(o -> list.add(o.retain(wanted)));
        } else {
            for (String id : get.ids()) {
                ObjectNode object = objects.get(account, id);
                if (object == null) {
                    notFound.add(id);
                } else {
                    list.add(object.retain(wanted));
                }
            }
        }
        return response;
    }

    /** A {@code /changes} response. */
    static ObjectNode changes(ObjectNode args, Invocation invocation, AccountObjects objects) {
        invocation.accountId(args);
        Account account = invocation.account();
        String since = Json.optionalString(args, "sinceState");
        if (since == null) {
            throw MethodError.invalidArguments("sinceState is required");
        }
        AccountObjects.Delta delta;
        try {
            delta = objects.changesSince(account, Long.parseLong(since));
        } catch (NumberFormatException e) {
            delta = null;
        }
        if (delta == null) {
            throw new MethodError("cannotCalculateChanges", "not a state of this account: " + since);
        }
        ObjectNode response = Json.object()
                .put("accountId", account.id().value())
                .put("oldState", since)
                .put("newState", Long.toString(delta.state()))
                .put("hasMoreChanges", false);
        response.set("created", Json.strings(delta.created()));
        response.set("updated", Json.strings(delta.updated()));
        response.set("destroyed", Json.strings(delta.destroyed()));
        return response;
    }
}
