/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import java.util.Collection;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The JSON mapper and small node helpers every JMAP class shares. */
public final class Json {
    /** Immutable and thread-safe, so one instance serves every server in the JVM. */
    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    /**
     * A request document as a tree.
     *
     * @throws RequestError.Failure with {@code notJSON} when it does not parse
     */
    public static JsonNode parseRequest(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new RequestError.Failure(RequestError.notJson("the request is not valid JSON"));
        }
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    public static ArrayNode strings(Collection<String> values) {
        ArrayNode array = array();
        values.forEach(array::add);
        return array;
    }

    /** A string argument, null when absent or null; anything else is a client error. */
    public static String optionalString(JsonNode args, String name) {
        JsonNode node = args.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw MethodError.invalidArguments(name + " must be a string");
        }
        return node.stringValue();
    }

    public static boolean optionalBoolean(JsonNode args, String name, boolean fallback) {
        JsonNode node = args.get(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw MethodError.invalidArguments(name + " must be true or false");
        }
        return node.booleanValue();
    }

    /** An UnsignedInt or Int argument, {@code fallback} when absent or null. */
    public static long optionalLong(JsonNode args, String name, long fallback) {
        JsonNode node = args.get(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw MethodError.invalidArguments(name + " must be an integer");
        }
        return node.longValue();
    }

    public static ObjectNode optionalObject(JsonNode args, String name) {
        JsonNode node = args.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw MethodError.invalidArguments(name + " must be an object");
        }
        return (ObjectNode) node;
    }

    /** An object member, null when absent or not an object (the caller has checked the shape). */
    public static ObjectNode optionalObjectOrNull(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isObject() ? (ObjectNode) value : null;
    }

    public static ArrayNode optionalArray(JsonNode args, String name) {
        JsonNode node = args.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw MethodError.invalidArguments(name + " must be an array");
        }
        return (ArrayNode) node;
    }
}
