/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.submission;

import dev.mailcore.jmap.internal.Json;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The Identity object (RFC 8621 §6) and the checks of the properties a client may set. */
final class IdentityJson {
    static final Set<String> PROPERTIES =
            Set.of("id", "name", "email", "replyTo", "bcc", "textSignature", "htmlSignature", "mayDelete");
    private static final List<String> SETTABLE =
            List.of("name", "email", "replyTo", "bcc", "textSignature", "htmlSignature");

    private IdentityJson() {}

    static ObjectNode blank(String id, String email, boolean mayDelete) {
        ObjectNode identity = Json.object().put("id", id).put("name", "").put("email", email);
        identity.putNull("replyTo");
        identity.putNull("bcc");
        identity.put("textSignature", "").put("htmlSignature", "").put("mayDelete", mayDelete);
        return identity;
    }

    /** Applies the client's properties to {@code identity}; answers the name of a bad property, or null. */
    static String apply(ObjectNode identity, ObjectNode changes, boolean creating) {
        for (var entry : changes.properties()) {
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            if (!SETTABLE.contains(name)) {
                return name;
            }
            if (name.equals("email") && !creating) {
                return name;
            }
            boolean ok = switch (name) {
                case "replyTo", "bcc" -> value.isNull() || addresses(value);
                default -> value.isString();
            };
            if (!ok) {
                return name;
            }
            identity.set(name, value);
        }
        return null;
    }

    private static boolean addresses(JsonNode value) {
        if (!value.isArray()) {
            return false;
        }
        for (JsonNode address : value) {
            if (!address.path("email").isString()) {
                return false;
            }
        }
        return true;
    }
}
