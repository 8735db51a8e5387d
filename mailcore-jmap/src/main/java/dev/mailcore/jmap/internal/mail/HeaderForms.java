/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.jmap.internal.Json;
import dev.mailcore.jmap.internal.MethodError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/** The {@code header:Name[:form][:all]} properties (RFC 8621 §4.1.2 and §4.1.3). */
final class HeaderForms {
    private static final Pattern ANGLED = Pattern.compile("<([^<>]*)>");
    private static final Pattern COMMENT = Pattern.compile("\\([^()]*\\)");

    private enum Form {
        AS_RAW,
        AS_TEXT,
        AS_ADDRESSES,
        AS_GROUPED_ADDRESSES,
        AS_MESSAGE_IDS,
        AS_DATE,
        AS_URLS
    }

    private record Property(String name, Form form, boolean all) {}

    private HeaderForms() {}

    /** Checks a property name; unknown forms are a client error. */
    static void check(String property) {
        parse(property);
    }

    static JsonNode value(List<HeaderBlock.Field> fields, String property) {
        Property parsed = parse(property);
        List<HeaderBlock.Field> named = HeaderBlock.named(fields, parsed.name());
        if (parsed.all()) {
            ArrayNode values = Json.array();
            named.forEach(f -> values.add(convert(f.rawValue(), parsed.form())));
            return values;
        }
        return named.isEmpty()
                ? NullNode.getInstance()
                : convert(named.getLast().rawValue(), parsed.form());
    }

    private static JsonNode convert(String raw, Form form) {
        return switch (form) {
            case AS_RAW -> StringNode.valueOf(raw);
            case AS_TEXT -> StringNode.valueOf(EncodedWords.asText(raw));
            case AS_ADDRESSES -> addresses(raw);
            case AS_GROUPED_ADDRESSES -> groupedAddresses(raw);
            case AS_MESSAGE_IDS -> angled(raw, false);
            case AS_URLS -> angled(raw, true);
            case AS_DATE -> date(raw);
        };
    }

    private static JsonNode addresses(String raw) {
        ArrayNode array = Json.array();
        for (AddressListParser.Group group : AddressListParser.parse(raw)) {
            group.addresses().forEach(a -> array.add(address(a)));
        }
        return array;
    }

    private static JsonNode groupedAddresses(String raw) {
        ArrayNode array = Json.array();
        for (AddressListParser.Group group : AddressListParser.parse(raw)) {
            ObjectNode node = array.addObject().put("name", group.name());
            ArrayNode members = node.putArray("addresses");
            group.addresses().forEach(a -> members.add(address(a)));
        }
        return array;
    }

    private static ObjectNode address(AddressListParser.Mailbox mailbox) {
        return Json.object().put("name", mailbox.name()).put("email", mailbox.email());
    }

    /** Message ids or URLs in angle brackets; null when there are none. */
    private static JsonNode angled(String raw, boolean urls) {
        List<String> values = new ArrayList<>();
        Matcher m = ANGLED.matcher(COMMENT.matcher(raw.replace("\r\n", "")).replaceAll(" "));
        while (m.find()) {
            String value = m.group(1).trim();
            values.add(urls ? value : value.replaceAll("\\s+", ""));
        }
        return values.isEmpty() ? NullNode.getInstance() : Json.strings(values);
    }

    /** The Date form with the header's own offset, or null when it does not parse. */
    private static JsonNode date(String raw) {
        return MessageDates.parse(raw)
                .<JsonNode>map(d -> StringNode.valueOf(MessageDates.format(d)))
                .orElse(NullNode.getInstance());
    }

    private static Property parse(String property) {
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
        return new Property(
                parts[1],
                switch (form) {
                    case "asRaw" -> Form.AS_RAW;
                    case "asText" -> Form.AS_TEXT;
                    case "asAddresses" -> Form.AS_ADDRESSES;
                    case "asGroupedAddresses" -> Form.AS_GROUPED_ADDRESSES;
                    case "asMessageIds" -> Form.AS_MESSAGE_IDS;
                    case "asDate" -> Form.AS_DATE;
                    case "asURLs" -> Form.AS_URLS;
                    default -> throw MethodError.invalidArguments("unknown header form " + form);
                },
                all);
    }
}
