/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.quota;

import dev.mailcore.api.Account;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.QuotaUsage;
import dev.mailcore.jmap.internal.Capabilities;
import dev.mailcore.jmap.internal.GetArguments;
import dev.mailcore.jmap.internal.Invocation;
import dev.mailcore.jmap.internal.JmapMethod;
import dev.mailcore.jmap.internal.Json;
import dev.mailcore.jmap.internal.MethodError;
import dev.mailcore.jmap.internal.QueryChanges;
import dev.mailcore.jmap.internal.QueryPage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code Quota/get}, {@code /changes}, {@code /query} and {@code /queryChanges} (RFC 9425) over the store's usage:
 * one quota for octets and one for messages, each only when the account has that limit. Usage moves with the mail,
 * so the state is the account's mail state.
 */
public final class QuotaMethods {
    static final String STORAGE = "storage";
    static final String COUNT = "count";
    private static final Set<String> PROPERTIES = Set.of(
            "id",
            "resourceType",
            "used",
            "hardLimit",
            "scope",
            "name",
            "types",
            "warnLimit",
            "softLimit",
            "description");

    private QuotaMethods() {}

    public static List<JmapMethod> all() {
        return List.of(new Get(), new Changes(), new Query(), new QueryChanges("Quota", Capabilities.QUOTA));
    }

    /** The account's quotas as JSON, storage first. */
    static List<ObjectNode> quotas(Invocation invocation, AccountId id) {
        QuotaUsage usage = invocation.store().quotas().usage(id);
        Account account = invocation.account();
        List<ObjectNode> quotas = new ArrayList<>();
        if (usage.hasStorageLimit()) {
            quotas.add(quota(STORAGE, "octets", usage.storageUsed(), usage.storageLimit(), account));
        }
        if (usage.hasMessageLimit()) {
            quotas.add(quota(COUNT, "count", usage.messagesUsed(), usage.messageLimit(), account));
        }
        return quotas;
    }

    private static ObjectNode quota(String id, String resourceType, long used, long limit, Account account) {
        ObjectNode quota = Json.object()
                .put("id", id)
                .put("resourceType", resourceType)
                .put("used", used)
                .put("hardLimit", limit)
                .put("scope", "account")
                .put("name", account.primaryAddress() + " " + (id.equals(STORAGE) ? "storage" : "messages"));
        quota.set("types", Json.strings(List.of("Mail")));
        return quota;
    }

    private static final class Get implements JmapMethod {
        @Override
        public String name() {
            return "Quota/get";
        }

        @Override
        public String capability() {
            return Capabilities.QUOTA;
        }

        @Override
        public ObjectNode call(ObjectNode args, Invocation invocation) {
            AccountId account = invocation.accountId(args);
            GetArguments get = GetArguments.parse(args, invocation);
            Set<String> properties = get.propertiesOr(PROPERTIES, PROPERTIES);
            String state = invocation.state();
            List<ObjectNode> quotas = quotas(invocation, account);
            ObjectNode response =
                    Json.object().put("accountId", account.value()).put("state", state);
            ArrayNode list = response.putArray("list");
            ArrayNode notFound = response.putArray("notFound");
            if (get.ids() == null) {
                quotas.forEach(q -> list.add(q.retain(properties)));
            } else {
                for (String id : get.ids()) {
                    quotas.stream()
                            .filter(q -> q.get("id").asString().equals(id))
                            .findFirst()
                            .ifPresentOrElse(q -> list.add(q.retain(properties)), () -> notFound.add(id));
                }
            }
            return response;
        }
    }

    /** Quotas are fixed by the directory; any change of state may have changed their usage. */
    private static final class Changes implements JmapMethod {
        @Override
        public String name() {
            return "Quota/changes";
        }

        @Override
        public String capability() {
            return Capabilities.QUOTA;
        }

        @Override
        public ObjectNode call(ObjectNode args, Invocation invocation) {
            AccountId account = invocation.accountId(args);
            String since = Json.optionalString(args, "sinceState");
            if (since == null) {
                throw MethodError.invalidArguments("sinceState is required");
            }
            String state = invocation.state();
            long old;
            try {
                old = Long.parseLong(since);
            } catch (NumberFormatException e) {
                throw new MethodError("cannotCalculateChanges", "not a state of this server: " + since);
            }
            if (old < 0 || old > Long.parseLong(state)) {
                throw new MethodError("cannotCalculateChanges", "not a state of this account: " + since);
            }
            ObjectNode response = Json.object()
                    .put("accountId", account.value())
                    .put("oldState", since)
                    .put("newState", state)
                    .put("hasMoreChanges", false);
            response.putArray("created");
            ArrayNode updated = response.putArray("updated");
            response.putArray("destroyed");
            if (!since.equals(state)) {
                quotas(invocation, account).forEach(q -> updated.add(q.get("id").asString()));
            }
            response.putNull("updatedProperties");
            return response;
        }
    }

    private static final class Query implements JmapMethod {
        @Override
        public String name() {
            return "Quota/query";
        }

        @Override
        public String capability() {
            return Capabilities.QUOTA;
        }

        @Override
        public ObjectNode call(ObjectNode args, Invocation invocation) {
            AccountId account = invocation.accountId(args);
            String state = invocation.state();
            JsonNode filter = args.get("filter");
            List<ObjectNode> quotas = new ArrayList<>(quotas(invocation, account));
            if (filter != null && !filter.isNull()) {
                quotas.removeIf(q -> !matches(q, filter));
            }
            ArrayNode sort = Json.optionalArray(args, "sort");
            if (sort != null) {
                for (int i = sort.size() - 1; i >= 0; i--) {
                    JsonNode comparator = sort.get(i);
                    String property = comparator.path("property").asString("");
                    Comparator<ObjectNode> order = switch (property) {
                        case "name" -> Comparator.comparing(q -> q.get("name").asString());
                        case "used" ->
                            Comparator.comparingLong(q -> q.get("used").asLong());
                        default -> throw new MethodError("unsupportedSort", "cannot sort by " + property);
                    };
                    quotas.sort(comparator.path("isAscending").asBoolean(true) ? order : order.reversed());
                }
            }
            return QueryPage.respond(
                    args,
                    account.value(),
                    state,
                    quotas.stream().map(q -> q.get("id").asString()).toList());
        }

        private static boolean matches(ObjectNode quota, JsonNode filter) {
            if (!filter.isObject()) {
                throw new MethodError("unsupportedFilter", "a filter is an object");
            }
            for (var condition : filter.properties()) {
                String value = condition.getValue().asString("");
                boolean ok = switch (condition.getKey()) {
                    case "name" ->
                        quota.get("name").asString().toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT));
                    case "scope" -> quota.get("scope").asString().equals(value);
                    case "resourceType" -> quota.get("resourceType").asString().equals(value);
                    case "type" -> value.equals("Mail");
                    default -> throw new MethodError("unsupportedFilter", "cannot filter by " + condition.getKey());
                };
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }
}
