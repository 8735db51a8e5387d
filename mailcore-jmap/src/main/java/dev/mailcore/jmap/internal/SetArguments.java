/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code create}, {@code update} and {@code destroy} of a {@code /set} call (RFC 8620 §5.3). */
public record SetArguments(Map<String, ObjectNode> create, Map<String, ObjectNode> update, List<String> destroy) {

    /** Parses a {@code /set} of mail objects, whose {@code ifInState} is the account's mail state. */
    public static SetArguments parse(JsonNode args, Invocation invocation) {
        return parse(args, invocation, invocation.state());
    }

    /** Parses a {@code /set} of a type with a state of its own (identities, submissions, vacation). */
    public static SetArguments parse(JsonNode args, Invocation invocation, String state) {
        requireState(args, state);
        Map<String, ObjectNode> create = objects(Json.optionalObject(args, "create"), "create");
        Map<String, ObjectNode> update = objects(Json.optionalObject(args, "update"), "update");
        List<String> destroy = new ArrayList<>();
        ArrayNode destroyNode = Json.optionalArray(args, "destroy");
        if (destroyNode != null) {
            for (JsonNode id : destroyNode) {
                if (!id.isString()) {
                    throw MethodError.invalidArguments("destroy holds ids only");
                }
                destroy.add(id.stringValue());
            }
        }
        int total = create.size() + update.size() + destroy.size();
        if (total > invocation.limits().maxObjectsInSet()) {
            throw MethodError.tooLarge("at most " + invocation.limits().maxObjectsInSet() + " objects in one set");
        }
        return new SetArguments(create, update, destroy);
    }

    /** Refuses the call with {@code stateMismatch} when its {@code ifInState} names another state. */
    public static void requireState(JsonNode args, String state) {
        String ifInState = Json.optionalString(args, "ifInState");
        if (ifInState != null && !ifInState.equals(state)) {
            throw new MethodError("stateMismatch", "the state is " + state);
        }
    }

    private static Map<String, ObjectNode> objects(ObjectNode node, String name) {
        Map<String, ObjectNode> result = new LinkedHashMap<>();
        if (node != null) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                if (!entry.getValue().isObject()) {
                    throw MethodError.invalidArguments(name + " maps ids to objects");
                }
                result.put(entry.getKey(), (ObjectNode) entry.getValue());
            }
        }
        return result;
    }

    /** The response skeleton: accountId, states and empty result maps filled by the method. */
    public static ObjectNode response(String accountId, String oldState) {
        ObjectNode response = Json.object().put("accountId", accountId).put("oldState", oldState);
        return response;
    }

    /** Puts {@code value} under {@code key} of the response's map {@code name}, creating the map on first use. */
    public static void record(ObjectNode response, String name, String key, JsonNode value) {
        ObjectNode map = response.has(name) && response.get(name).isObject()
                ? (ObjectNode) response.get(name)
                : response.putObject(name);
        map.set(key, value);
    }

    /** Fills null for the result maps nothing went into, as RFC 8620 shows them. */
    public static void finish(ObjectNode response, String newState) {
        response.put("newState", newState);
        for (String name : List.of("created", "updated", "destroyed", "notCreated", "notUpdated", "notDestroyed")) {
            if (!response.has(name)) {
                response.putNull(name);
            }
        }
    }
}
