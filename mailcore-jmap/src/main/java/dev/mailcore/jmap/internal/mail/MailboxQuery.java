/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.Mailbox;
import dev.mailcore.jmap.internal.Capabilities;
import dev.mailcore.jmap.internal.Invocation;
import dev.mailcore.jmap.internal.JmapMethod;
import dev.mailcore.jmap.internal.Json;
import dev.mailcore.jmap.internal.MethodError;
import dev.mailcore.jmap.internal.QueryPage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code Mailbox/query} (RFC 8621 §2.3): filter and sort the account's mailboxes in memory. */
final class MailboxQuery implements JmapMethod {
    @Override
    public String name() {
        return "Mailbox/query";
    }

    @Override
    public String capability() {
        return Capabilities.MAIL;
    }

    @Override
    public ObjectNode call(ObjectNode args, Invocation invocation) {
        AccountId account = invocation.accountId(args);
        ObjectNode response =
                QueryPage.respond(args, account.value(), invocation.state(), ids(args, invocation, account));
        // Every filter and sort here reads mailbox properties the change log tracks.
        response.put("canCalculateChanges", true);
        return response;
    }

    /** The ids the query's filter and sort select, in order. */
    static List<String> ids(ObjectNode args, Invocation invocation, AccountId account) {
        ObjectNode filterNode = Json.optionalObject(args, "filter");
        Predicate<Mailbox> filter = filterNode == null ? m -> true : filter(filterNode, invocation);
        Comparator<Mailbox> order = order(Json.optionalArray(args, "sort"));
        return invocation.store().mailboxes().list(account).stream()
                .filter(filter)
                .sorted(order)
                .map(m -> m.id().value())
                .toList();
    }

    private static Predicate<Mailbox> filter(JsonNode node, Invocation invocation) {
        if (node.has("operator")) {
            String operator = node.path("operator").asString();
            List<Predicate<Mailbox>> conditions = new ArrayList<>();
            for (JsonNode condition : node.path("conditions")) {
                conditions.add(filter(condition, invocation));
            }
            return switch (operator) {
                case "AND" -> m -> conditions.stream().allMatch(c -> c.test(m));
                case "OR" -> m -> conditions.stream().anyMatch(c -> c.test(m));
                case "NOT" -> m -> conditions.stream().noneMatch(c -> c.test(m));
                default -> throw new MethodError("unsupportedFilter", "unknown operator " + operator);
            };
        }
        Predicate<Mailbox> result = m -> true;
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            Predicate<Mailbox> condition = switch (entry.getKey()) {
                case "parentId" -> {
                    String parent = value.isNull() ? null : invocation.resolveId(value.asString());
                    yield m -> parent == null
                            ? m.parentId() == null
                            : m.parentId() != null && m.parentId().value().equals(parent);
                }
                case "name" -> {
                    String text = value.asString().toLowerCase(Locale.ROOT);
                    yield m -> m.name().toLowerCase(Locale.ROOT).contains(text);
                }
                case "role" ->
                    value.isNull()
                            ? m -> m.role() == null
                            : m -> m.role() != null && m.role().jmapName().equalsIgnoreCase(value.asString());
                case "hasAnyRole" -> m -> (m.role() != null) == value.asBoolean();
                case "isSubscribed" -> m -> m.subscribed() == value.asBoolean();
                default -> throw new MethodError("unsupportedFilter", "unknown filter " + entry.getKey());
            };
            result = result.and(condition);
        }
        return result;
    }

    private static Comparator<Mailbox> order(ArrayNode sort) {
        Comparator<Mailbox> order = null;
        if (sort != null) {
            for (JsonNode comparator : sort) {
                String property = comparator.path("property").asString();
                Comparator<Mailbox> next = switch (property) {
                    case "name" -> Comparator.comparing(Mailbox::name, String.CASE_INSENSITIVE_ORDER);
                    case "sortOrder" -> Comparator.comparingInt(Mailbox::sortOrder);
                    default -> throw new MethodError("unsupportedSort", "cannot sort by " + property);
                };
                if (!comparator.path("isAscending").asBoolean(true)) {
                    next = next.reversed();
                }
                order = order == null ? next : order.thenComparing(next);
            }
        }
        Comparator<Mailbox> byPath = Comparator.comparing(Mailbox::path);
        return order == null ? byPath : order.thenComparing(byPath);
    }
}
