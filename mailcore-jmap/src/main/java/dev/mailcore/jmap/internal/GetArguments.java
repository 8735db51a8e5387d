/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The {@code ids} and {@code properties} of a {@code /get} call (RFC 8620 §5.1).
 *
 * @param ids the ids asked for, or null for all
 * @param properties the properties asked for, or null for the type's default set
 */
public record GetArguments(List<String> ids, Set<String> properties) {
    public static GetArguments parse(JsonNode args, Invocation invocation) {
        ArrayNode idsNode = Json.optionalArray(args, "ids");
        List<String> ids = null;
        if (idsNode != null) {
            if (idsNode.size() > invocation.limits().maxObjectsInGet()) {
                throw MethodError.tooLarge("at most " + invocation.limits().maxObjectsInGet() + " ids in one get");
            }
            ids = new ArrayList<>();
            for (JsonNode id : idsNode) {
                if (!id.isString()) {
                    throw MethodError.invalidArguments("ids holds strings only");
                }
                ids.add(invocation.resolveId(id.stringValue()));
            }
        }
        ArrayNode propertiesNode = Json.optionalArray(args, "properties");
        Set<String> properties = null;
        if (propertiesNode != null) {
            properties = new LinkedHashSet<>();
            for (JsonNode property : propertiesNode) {
                if (!property.isString()) {
                    throw MethodError.invalidArguments("properties holds strings only");
                }
                properties.add(property.stringValue());
            }
            properties.add("id");
        }
        return new GetArguments(ids, properties);
    }

    /** The asked-for properties, or {@code defaults}; an unknown property is a client error. */
    public Set<String> propertiesOr(Set<String> defaults, Set<String> known) {
        if (properties == null) {
            return defaults;
        }
        for (String property : properties) {
            if (!known.contains(property)) {
                throw MethodError.invalidArguments("unknown property " + property);
            }
        }
        return properties;
    }
}
