/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.vacation;

import dev.mailcore.api.AccountId;
import dev.mailcore.jmap.internal.Capabilities;
import dev.mailcore.jmap.internal.GetArguments;
import dev.mailcore.jmap.internal.Invocation;
import dev.mailcore.jmap.internal.JmapMethod;
import dev.mailcore.jmap.internal.Json;
import dev.mailcore.jmap.internal.SetArguments;
import dev.mailcore.jmap.internal.SetErrors;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code VacationResponse/get} and {@code /set} (RFC 8621 §8): one object per account, updated only. */
public final class VacationMethods {
    private static final Set<String> PROPERTIES =
            Set.of("id", "isEnabled", "fromDate", "toDate", "subject", "textBody", "htmlBody");

    private VacationMethods() {}

    public static List<JmapMethod> all(VacationResponses responses) {
        return List.of(new Get(responses), new SetMethod(responses));
    }

    private record Get(VacationResponses responses) implements JmapMethod {
        @Override
        public String name() {
            return "VacationResponse/get";
        }

        @Override
        public String capability() {
            return Capabilities.VACATION;
        }

        @Override
        public ObjectNode call(ObjectNode args, Invocation invocation) {
            AccountId account = invocation.accountId(args);
            GetArguments get = GetArguments.parse(args, invocation);
            Set<String> properties = get.propertiesOr(PROPERTIES, PROPERTIES);
            VacationResponses.Versioned current = responses.get(account);
            ObjectNode response =
                    Json.object().put("accountId", account.value()).put("state", Long.toString(current.state()));
            ArrayNode list = response.putArray("list");
            ArrayNode notFound = response.putArray("notFound");
            if (get.ids() == null || get.ids().contains(VacationResponses.ID)) {
                list.add(current.response().deepCopy().retain(properties));
            }
            if (get.ids() != null) {
                get.ids().stream()
                        .filter(id -> !id.equals(VacationResponses.ID))
                        .forEach(notFound::add);
            }
            return response;
        }
    }

    private record SetMethod(VacationResponses responses) implements JmapMethod {
        @Override
        public String name() {
            return "VacationResponse/set";
        }

        @Override
        public String capability() {
            return Capabilities.VACATION;
        }

        @Override
        public ObjectNode call(ObjectNode args, Invocation invocation) {
            AccountId account = invocation.accountId(args);
            VacationResponses.Versioned current = responses.get(account);
            String oldState = Long.toString(current.state());
            SetArguments set = SetArguments.parse(args, invocation, oldState);
            ObjectNode response = SetArguments.response(account.value(), oldState);
            set.create()
                    .keySet()
                    .forEach(id -> SetArguments.record(
                            response, "notCreated", id, SetErrors.of("singleton", "there is one VacationResponse")));
            set.destroy()
                    .forEach(id -> SetArguments.record(
                            response,
                            "notDestroyed",
                            id,
                            SetErrors.of("singleton", "the VacationResponse cannot be destroyed")));
            long newState = current.state();
            for (var entry : set.update().entrySet()) {
                if (!entry.getKey().equals(VacationResponses.ID)) {
                    SetArguments.record(response, "notUpdated", entry.getKey(), SetErrors.of("notFound", null));
                    continue;
                }
                ObjectNode updated = responses.get(account).response().deepCopy();
                String bad = apply(updated, entry.getValue());
                if (bad != null) {
                    SetArguments.record(
                            response,
                            "notUpdated",
                            entry.getKey(),
                            SetErrors.invalidProperties("cannot set " + bad, bad));
                    continue;
                }
                newState = responses.put(account, updated);
                SetArguments.record(response, "updated", entry.getKey(), null);
            }
            SetArguments.finish(response, Long.toString(newState));
            return response;
        }

        private static String apply(ObjectNode target, ObjectNode patch) {
            for (var entry : patch.properties()) {
                String name = entry.getKey();
                JsonNode value = entry.getValue();
                boolean ok = switch (name) {
                    case "isEnabled" -> value.isBoolean();
                    case "fromDate", "toDate" -> value.isNull() || isDate(value);
                    case "subject", "textBody", "htmlBody" -> value.isNull() || value.isString();
                    case "id" -> value.asString("").equals(VacationResponses.ID);
                    default -> false;
                };
                if (!ok) {
                    return name;
                }
                target.set(name, value);
            }
            return null;
        }

        private static boolean isDate(JsonNode value) {
            try {
                Instant.parse(value.asString(""));
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }
}
