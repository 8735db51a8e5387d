/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.jmap.internal.Json;
import dev.mailcore.jmap.internal.MethodError;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.StringNode;

/**
 * The {@code header:Name[:form][:all]} properties (RFC 8621 §4.1.3). Supported forms: {@code asRaw} (the default)
 * and {@code asText}.
 */
final class HeaderForms {
    private HeaderForms() {}

    /** Checks a property name; unknown forms are a client error. */
    static void check(String property) {
        parse(property);
    }

    static JsonNode value(List<HeaderBlock.Field> fields, String property) {
        Form form = parse(property);
        List<HeaderBlock.Field> named = HeaderBlock.named(fields, form.name());
        if (form.all()) {
            ArrayNode values = Json.array();
            named.forEach(f -> values.add(convert(f.rawValue(), form.text())));
            return values;
        }
        return named.isEmpty() ? null : convert(named.getLast().rawValue(), form.text());
    }

    private static JsonNode convert(String raw, boolean text) {
        return StringNode.valueOf(text ? EncodedWords.asText(raw) : raw);
    }

    private record Form(String name, boolean text, boolean all) {}

    private static Form parse(String property) {
        String[] parts = property.split(":", -1);
        if (parts.length < 2 || parts.length > 4 || parts[1].isEmpty()) {
            throw MethodError.invalidArguments("bad header property " + property);
        }
        boolean all = parts[parts.length - 1].equals("all");
        int formIndex = all ? parts.length - 2 : parts.length - 1;
        String form = formIndex >= 2 ? parts[formIndex] : "asRaw";
        if (parts.length == 4 && !all) {
            throw MethodError.invalidArguments("bad header property " + property);
        }
        return switch (form) {
            case "asRaw" -> new Form(parts[1], false, all);
            case "asText" -> new Form(parts[1], true, all);
            default -> throw MethodError.invalidArguments("header form " + form + " is not supported");
        };
    }
}
