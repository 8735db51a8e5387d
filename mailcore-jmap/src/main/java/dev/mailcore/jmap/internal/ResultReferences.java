/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Resolves back-references (RFC 8620 §3.7): an argument named {@code #name} holds a ResultReference whose value is
 * taken from an earlier response of the same request with a JSON Pointer that may use {@code *} over arrays.
 */
final class ResultReferences {
    /** One earlier response: its name, arguments and call id. */
    record Earlier(String name, JsonNode arguments, String callId) {}

    private ResultReferences() {}

    /** The arguments with every {@code #name} replaced by its value. */
    static ObjectNode resolve(ObjectNode args, List<Earlier> earlier) {
        ObjectNode resolved = Json.object();
        for (Map.Entry<String, JsonNode> entry : args.properties()) {
            String key = entry.getKey();
            if (!key.startsWith("#")) {
                resolved.set(key, entry.getValue());
            }
        }
        for (Map.Entry<String, JsonNode> entry : args.properties()) {
            String key = entry.getKey();
            if (key.startsWith("#")) {
                String plain = key.substring(1);
                if (args.has(plain)) {
                    throw MethodError.invalidArguments("both " + plain + " and " + key + " are given");
                }
                resolved.set(plain, evaluate(entry.getValue(), earlier));
            }
        }
        return resolved;
    }

    private static JsonNode evaluate(JsonNode reference, List<Earlier> earlier) {
        if (!reference.isObject()
                || !reference.path("resultOf").isString()
                || !reference.path("name").isString()
                || !reference.path("path").isString()) {
            throw MethodError.invalidResultReference("a ResultReference needs resultOf, name and path strings");
        }
        String resultOf = reference.get("resultOf").stringValue();
        String name = reference.get("name").stringValue();
        for (Earlier response : earlier) {
            if (response.callId().equals(resultOf)) {
                if (!response.name().equals(name)) {
                    throw MethodError.invalidResultReference(
                            "call " + resultOf + " answered " + response.name() + ", not " + name);
                }
                JsonNode value =
                        pointer(response.arguments(), reference.get("path").stringValue());
                if (value == null) {
                    throw MethodError.invalidResultReference("path does not match the result of " + resultOf);
                }
                return value;
            }
        }
        throw MethodError.invalidResultReference("no earlier response with call id " + resultOf);
    }

    /** JSON Pointer (RFC 6901) with the JMAP {@code *} extension; null when the path does not resolve. */
    static JsonNode pointer(JsonNode root, String path) {
        if (path.isEmpty()) {
            return root;
        }
        if (!path.startsWith("/")) {
            return null;
        }
        return walk(root, List.of(path.substring(1).split("/", -1)));
    }

    private static JsonNode walk(JsonNode node, List<String> tokens) {
        if (tokens.isEmpty()) {
            return node;
        }
        String token = tokens.getFirst().replace("~1", "/").replace("~0", "~");
        List<String> rest = tokens.subList(1, tokens.size());
        if (node.isArray()) {
            if (token.equals("*")) {
                ArrayNode out = Json.array();
                for (JsonNode item : node) {
                    JsonNode value = walk(item, rest);
                    if (value == null) {
                        return null;
                    }
                    if (value.isArray()) {
                        value.forEach(out::add);
                    } else {
                        out.add(value);
                    }
                }
                return out;
            }
            int index;
            try {
                index = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                return null;
            }
            return index >= 0 && index < node.size() ? walk(node.get(index), rest) : null;
        }
        if (node.isObject() && node.has(token)) {
            return walk(node.get(token), rest);
        }
        return null;
    }
}
