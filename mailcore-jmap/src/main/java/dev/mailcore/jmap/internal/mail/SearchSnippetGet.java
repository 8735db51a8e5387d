/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.Email;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailException;
import dev.mailcore.jmap.internal.Capabilities;
import dev.mailcore.jmap.internal.Invocation;
import dev.mailcore.jmap.internal.JmapMethod;
import dev.mailcore.jmap.internal.Json;
import dev.mailcore.jmap.internal.MethodError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code SearchSnippet/get} (RFC 8621 §5.1): the subject and preview of each email with the words of the filter's
 * {@code text}, {@code subject} and {@code body} conditions wrapped in {@code <mark>}, HTML-escaped. A field without a
 * match is null.
 */
final class SearchSnippetGet implements JmapMethod {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'@._-]*");

    @Override
    public String name() {
        return "SearchSnippet/get";
    }

    @Override
    public String capability() {
        return Capabilities.MAIL;
    }

    @Override
    public ObjectNode call(ObjectNode args, Invocation invocation) {
        AccountId account = invocation.accountId(args);
        JsonNode filter = args.get("filter");
        // Checks the filter as Email/query would, so a bad one gets the same error.
        new EmailFilters(invocation, account).toQuery(filter);
        ArrayNode idsNode = Json.optionalArray(args, "emailIds");
        if (idsNode == null) {
            throw MethodError.invalidArguments("emailIds is required");
        }
        if (idsNode.size() > invocation.limits().maxObjectsInGet()) {
            throw MethodError.tooLarge("at most " + invocation.limits().maxObjectsInGet() + " ids in one get");
        }
        List<String> subjectTerms = new ArrayList<>();
        List<String> bodyTerms = new ArrayList<>();
        terms(filter, subjectTerms, bodyTerms);
        Pattern subjectMarks = marks(subjectTerms);
        Pattern bodyMarks = marks(bodyTerms);
        Map<String, EmailId> wanted = new LinkedHashMap<>();
        List<String> notFound = new ArrayList<>();
        for (JsonNode id : idsNode) {
            String value = invocation.resolveId(id.asString(""));
            try {
                wanted.put(value, EmailId.of(value));
            } catch (MailException e) {
                notFound.add(value);
            }
        }
        Map<EmailId, Email> emails = invocation.store().messages().emails(account, wanted.values());
        ObjectNode response = Json.object().put("accountId", account.value());
        ArrayNode list = response.putArray("list");
        wanted.forEach((value, id) -> {
            Email email = emails.get(id);
            if (email == null) {
                notFound.add(value);
                return;
            }
            ObjectNode snippet = list.addObject().put("emailId", value);
            snippet.put("subject", highlight(email.summary().subject(), subjectMarks));
            snippet.put("preview", highlight(email.summary().preview(), bodyMarks));
        });
        response.set("notFound", notFound.isEmpty() ? null : Json.strings(notFound));
        return response;
    }

    /** Words of text conditions: {@code text} marks both fields, {@code subject} and {@code body} one each. */
    private static void terms(JsonNode filter, List<String> subject, List<String> body) {
        if (filter == null || !filter.isObject()) {
            return;
        }
        if (filter.has("operator")) {
            if (!filter.path("operator").asString("").equals("NOT")) {
                for (JsonNode condition : filter.path("conditions")) {
                    terms(condition, subject, body);
                }
            }
            return;
        }
        words(filter.path("text").asString(""), subject, body);
        words(filter.path("subject").asString(""), subject);
        words(filter.path("body").asString(""), body);
    }

    @SafeVarargs
    private static void words(String text, List<String>... into) {
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            for (List<String> list : into) {
                list.add(matcher.group().toLowerCase(Locale.ROOT));
            }
        }
    }

    private static Pattern marks(List<String> terms) {
        if (terms.isEmpty()) {
            return null;
        }
        List<String> quoted = terms.stream()
                .distinct()
                .sorted((a, b) -> b.length() - a.length())
                .map(Pattern::quote)
                .toList();
        return Pattern.compile(String.join("|", quoted), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The HTML-escaped text with every match marked, or null when nothing matches. */
    static String highlight(String text, Pattern marks) {
        if (text == null || marks == null) {
            return null;
        }
        Matcher matcher = marks.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        boolean found = false;
        while (matcher.find()) {
            found = true;
            out.append(escape(text.substring(last, matcher.start())))
                    .append("<mark>")
                    .append(escape(matcher.group()))
                    .append("</mark>");
            last = matcher.end();
        }
        if (!found) {
            return null;
        }
        return out.append(escape(text.substring(last))).toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
