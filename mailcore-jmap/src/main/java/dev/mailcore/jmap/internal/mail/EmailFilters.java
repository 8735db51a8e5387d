/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.MailException;
import dev.mailcore.api.Mailbox;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.search.AddressField;
import dev.mailcore.api.search.DateField;
import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.jmap.internal.Invocation;
import dev.mailcore.jmap.internal.MethodError;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Turns an Email/query filter (RFC 8621 §4.4.1) into the store's {@link SearchQuery}. */
final class EmailFilters {
    private final Invocation invocation;
    private final AccountId account;

    EmailFilters(Invocation invocation, AccountId account) {
        this.invocation = invocation;
        this.account = account;
    }

    SearchQuery toQuery(JsonNode filter) {
        if (filter == null || filter.isNull()) {
            return SearchQuery.all();
        }
        if (!filter.isObject()) {
            throw MethodError.invalidArguments("a filter is an object");
        }
        if (filter.has("operator")) {
            return operator(filter);
        }
        List<SearchQuery> all = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : filter.properties()) {
            all.add(condition(entry.getKey(), entry.getValue()));
        }
        return all.size() == 1 ? all.getFirst() : new SearchQuery.And(all);
    }

    private SearchQuery operator(JsonNode filter) {
        List<SearchQuery> conditions = new ArrayList<>();
        JsonNode list = filter.get("conditions");
        if (list == null || !list.isArray()) {
            throw MethodError.invalidArguments("a FilterOperator needs conditions");
        }
        for (JsonNode condition : list) {
            conditions.add(toQuery(condition));
        }
        return switch (filter.get("operator").asString()) {
            case "AND" -> new SearchQuery.And(conditions);
            case "OR" -> new SearchQuery.Or(conditions);
            case "NOT" -> SearchQuery.not(new SearchQuery.Or(conditions));
            default -> throw new MethodError("unsupportedFilter", "unknown operator " + filter.get("operator"));
        };
    }

    private SearchQuery condition(String name, JsonNode value) {
        try {
            return switch (name) {
                case "inMailbox" -> new SearchQuery.InMailbox(mailbox(text(name, value)));
                case "inMailboxOtherThan" -> otherThan(value);
                case "before" -> new SearchQuery.AtTime(DateField.RECEIVED, true, instant(name, value));
                case "after" -> new SearchQuery.AtTime(DateField.RECEIVED, false, instant(name, value));
                case "minSize" -> {
                    long size = number(name, value);
                    yield size <= 0 ? SearchQuery.all() : new SearchQuery.Size(true, size - 1);
                }
                case "maxSize" -> new SearchQuery.Size(false, number(name, value));
                case "hasKeyword" -> new SearchQuery.HasKeyword(text(name, value));
                case "notKeyword" -> SearchQuery.not(new SearchQuery.HasKeyword(text(name, value)));
                case "hasAttachment" -> {
                    if (!value.isBoolean()) {
                        throw MethodError.invalidArguments("hasAttachment is true or false");
                    }
                    yield value.booleanValue()
                            ? SearchQuery.HasAttachment.INSTANCE
                            : SearchQuery.not(SearchQuery.HasAttachment.INSTANCE);
                }
                case "text" -> new SearchQuery.TextContains(text(name, value));
                case "from" -> new SearchQuery.AddressContains(AddressField.FROM, text(name, value));
                case "to" -> new SearchQuery.AddressContains(AddressField.TO, text(name, value));
                case "cc" -> new SearchQuery.AddressContains(AddressField.CC, text(name, value));
                case "bcc" -> new SearchQuery.AddressContains(AddressField.BCC, text(name, value));
                case "subject" -> new SearchQuery.SubjectContains(text(name, value));
                case "body" -> new SearchQuery.BodyContains(text(name, value));
                case "attachmentName" -> new SearchQuery.AttachmentNameContains(text(name, value));
                case "header" -> header(value);
                default -> throw new MethodError("unsupportedFilter", "the filter " + name + " is not supported");
            };
        } catch (MailException e) {
            throw MethodError.invalidArguments(name + ": " + e.getMessage());
        }
    }

    private SearchQuery otherThan(JsonNode value) {
        if (!value.isArray()) {
            throw MethodError.invalidArguments("inMailboxOtherThan is a list of ids");
        }
        Set<String> excluded = new HashSet<>();
        value.forEach(id -> excluded.add(invocation.resolveId(id.asString())));
        List<SearchQuery> others = new ArrayList<>();
        for (Mailbox mailbox : invocation.store().mailboxes().list(account)) {
            if (!excluded.contains(mailbox.id().value())) {
                others.add(new SearchQuery.InMailbox(mailbox.id()));
            }
        }
        return new SearchQuery.Or(others);
    }

    private static SearchQuery header(JsonNode value) {
        if (!value.isArray() || value.isEmpty() || value.size() > 2) {
            throw MethodError.invalidArguments("header is [name] or [name, value]");
        }
        String text = value.size() == 2 ? value.get(1).asString() : "";
        return new SearchQuery.HeaderContains(value.get(0).asString(), text);
    }

    private MailboxId mailbox(String id) {
        return MailboxId.of(invocation.resolveId(id));
    }

    private static String text(String name, JsonNode value) {
        if (!value.isString()) {
            throw MethodError.invalidArguments(name + " is a string");
        }
        return value.stringValue();
    }

    private static long number(String name, JsonNode value) {
        if (!value.isIntegralNumber()) {
            throw MethodError.invalidArguments(name + " is an unsigned integer");
        }
        return value.longValue();
    }

    private static Instant instant(String name, JsonNode value) {
        try {
            return Instant.parse(text(name, value));
        } catch (DateTimeParseException e) {
            throw MethodError.invalidArguments(name + " is a UTCDate");
        }
    }
}
