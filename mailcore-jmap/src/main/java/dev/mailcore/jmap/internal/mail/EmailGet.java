/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.Email;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailException;
import dev.mailcore.jmap.internal.BlobReader;
import dev.mailcore.jmap.internal.Capabilities;
import dev.mailcore.jmap.internal.Invocation;
import dev.mailcore.jmap.internal.JmapMethod;
import dev.mailcore.jmap.internal.Json;
import dev.mailcore.jmap.internal.MethodError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code Email/get} (RFC 8621 §4.2). */
final class EmailGet implements JmapMethod {
    private final BlobReader blobs;

    EmailGet(BlobReader blobs) {
        this.blobs = blobs;
    }

    @Override
    public String name() {
        return "Email/get";
    }

    @Override
    public String capability() {
        return Capabilities.MAIL;
    }

    @Override
    public ObjectNode call(ObjectNode args, Invocation invocation) {
        AccountId account = invocation.accountId(args);
        ArrayNode idsNode = Json.optionalArray(args, "ids");
        if (idsNode == null) {
            throw MethodError.tooLarge("Email/get needs ids");
        }
        if (idsNode.size() > invocation.limits().maxObjectsInGet()) {
            throw MethodError.tooLarge("at most " + invocation.limits().maxObjectsInGet() + " ids in one get");
        }
        List<String> properties = properties(Json.optionalArray(args, "properties"));
        EmailJson.BodyOptions options = new EmailJson.BodyOptions(
                bodyProperties(Json.optionalArray(args, "bodyProperties")),
                Json.optionalBoolean(args, "fetchTextBodyValues", false),
                Json.optionalBoolean(args, "fetchHTMLBodyValues", false),
                Json.optionalBoolean(args, "fetchAllBodyValues", false),
                Json.optionalLong(args, "maxBodyValueBytes", 0));
        String state = invocation.state();
        Map<String, EmailId> wanted = new LinkedHashMap<>();
        List<String> notFound = new ArrayList<>();
        for (JsonNode id : idsNode) {
            if (!id.isString()) {
                throw MethodError.invalidArguments("ids holds strings only");
            }
            String value = invocation.resolveId(id.stringValue());
            try {
                wanted.put(value, EmailId.of(value));
            } catch (MailException e) {
                notFound.add(value);
            }
        }
        Map<EmailId, Email> emails = invocation.store().messages().emails(account, wanted.values());
        EmailJson writer = new EmailJson(invocation, blobs);
        ObjectNode response = Json.object().put("accountId", account.value()).put("state", state);
        ArrayNode list = response.putArray("list");
        wanted.forEach((value, id) -> {
            Email email = emails.get(id);
            if (email == null) {
                notFound.add(value);
            } else {
                list.add(writer.write(email, properties, options));
            }
        });
        response.set("notFound", Json.strings(notFound));
        return response;
    }

    private static List<String> properties(ArrayNode node) {
        if (node == null) {
            return EmailJson.DEFAULT_PROPERTIES;
        }
        List<String> properties = new ArrayList<>();
        properties.add("id");
        for (JsonNode property : node) {
            String name = property.asString();
            if (name.startsWith("header:")) {
                HeaderForms.check(name);
            } else if (!EmailJson.KNOWN.contains(name)) {
                throw MethodError.invalidArguments("unknown property " + name);
            }
            if (!properties.contains(name)) {
                properties.add(name);
            }
        }
        return properties;
    }

    private static List<String> bodyProperties(ArrayNode node) {
        if (node == null) {
            return BodyStructure.DEFAULT_PART_PROPERTIES;
        }
        List<String> properties = new ArrayList<>();
        for (JsonNode property : node) {
            String name = property.asString();
            if (!BodyStructure.PART_PROPERTIES.contains(name)) {
                throw MethodError.invalidArguments("unknown body property " + name);
            }
            properties.add(name);
        }
        return properties;
    }
}
