/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.Email;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.ThreadId;
import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.api.search.SortField;
import dev.mailcore.api.search.SortKey;
import dev.mailcore.jmap.internal.Capabilities;
import dev.mailcore.jmap.internal.EmailSorts;
import dev.mailcore.jmap.internal.Invocation;
import dev.mailcore.jmap.internal.JmapMethod;
import dev.mailcore.jmap.internal.Json;
import dev.mailcore.jmap.internal.MethodError;
import dev.mailcore.jmap.internal.QueryPage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code Email/query} (RFC 8621 §4.4) over the store's search. Without a sort, the newest received come first, as
 * mail clients list them.
 */
final class EmailQuery implements JmapMethod {
    private final QueryResults results = new QueryResults();

    @Override
    public String name() {
        return "Email/query";
    }

    @Override
    public String capability() {
        return Capabilities.MAIL;
    }

    @Override
    public ObjectNode call(ObjectNode args, Invocation invocation) {
        AccountId account = invocation.accountId(args);
        SearchQuery query = new EmailFilters(invocation, account).toQuery(args.get("filter"));
        List<SortKey> sort = sort(Json.optionalArray(args, "sort"));
        String state = invocation.state();
        boolean collapseThreads = Json.optionalBoolean(args, "collapseThreads", false);
        ObjectNode response = collapseThreads ? null : pageRead(args, invocation, account, query, sort, state);
        if (response == null) {
            response = QueryPage.respond(
                    args,
                    account.value(),
                    state,
                    allIds(args, invocation, account, query, sort, state, collapseThreads));
        }
        response.put("canCalculateChanges", EmailQueryChanges.isTracked(args));
        response.put("collapseThreads", collapseThreads);
        return response;
    }

    /**
     * The response from a page the search reads on its own (a mailbox listed newest first), or null when it cannot
     * or the window is not a plain position: an anchor, or a position from the end, needs the whole result.
     */
    private static ObjectNode pageRead(
            ObjectNode args,
            Invocation invocation,
            AccountId account,
            SearchQuery query,
            List<SortKey> sort,
            String state) {
        long position = Json.optionalLong(args, "position", 0);
        long limit = Json.optionalLong(args, "limit", Long.MAX_VALUE);
        if (Json.optionalString(args, "anchor") != null || position < 0 || position > Integer.MAX_VALUE || limit < 0) {
            return null;
        }
        return invocation
                .store()
                .search()
                .searchEmailPage(account, query, sort, (int) position, (int) Math.min(limit, Integer.MAX_VALUE))
                .map(page -> QueryPage.respond(
                        args,
                        account.value(),
                        state,
                        page.ids().stream().map(EmailId::value).toList(),
                        page.position(),
                        page.total()))
                .orElse(null);
    }

    /** The whole result, from the results kept for this state or from a new search. */
    private List<String> allIds(
            ObjectNode args,
            Invocation invocation,
            AccountId account,
            SearchQuery query,
            List<SortKey> sort,
            String state,
            boolean collapseThreads) {
        return results.get(account, state, args.get("filter"), args.get("sort"), collapseThreads, () -> {
            List<EmailId> found = invocation.store().search().searchEmails(account, query, sort);
            if (collapseThreads) {
                found = collapse(invocation, account, found);
            }
            return found.stream().map(EmailId::value).toList();
        });
    }

    static List<SortKey> sort(ArrayNode node) {
        if (node == null || node.isEmpty()) {
            return List.of(SortKey.descending(SortField.ARRIVAL));
        }
        List<SortKey> keys = new ArrayList<>();
        for (JsonNode comparator : node) {
            String property = comparator.path("property").asString("");
            SortField field = EmailSorts.FIELDS.get(property);
            if (field == null) {
                throw new MethodError("unsupportedSort", "cannot sort by " + property);
            }
            keys.add(new SortKey(field, !comparator.path("isAscending").asBoolean(true)));
        }
        return keys;
    }

    /** Keeps the first email of each thread, in result order. */
    private static List<EmailId> collapse(Invocation invocation, AccountId account, List<EmailId> found) {
        Map<EmailId, Email> emails = invocation.store().messages().emails(account, found);
        Set<ThreadId> seen = new HashSet<>();
        List<EmailId> kept = new ArrayList<>();
        for (EmailId id : found) {
            Email email = emails.get(id);
            if (email != null && seen.add(email.threadId())) {
                kept.add(id);
            }
        }
        return kept;
    }
}
