/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.Change;
import dev.mailcore.api.ChangeSet;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.jmap.internal.Capabilities;
import dev.mailcore.jmap.internal.ChangeLog;
import dev.mailcore.jmap.internal.Invocation;
import dev.mailcore.jmap.internal.JmapMethod;
import dev.mailcore.jmap.internal.Json;
import dev.mailcore.jmap.internal.MethodError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code Email/queryChanges} (RFC 8620 §5.6) for the query mail clients keep open: one mailbox (or all mail), newest
 * received first. Every email the change log touched since the old state is reported removed, and those in the
 * current results are added back at their index — RFC 8620 allows removed ids that were not in the old results.
 * Any other filter or sort answers {@code cannotCalculateChanges}.
 */
final class EmailQueryChanges implements JmapMethod {
    /** More changes than this are cheaper for the client to answer with a fresh query. */
    private static final int MAX_LOG = 10_000;

    @Override
    public String name() {
        return "Email/queryChanges";
    }

    @Override
    public String capability() {
        return Capabilities.MAIL;
    }

    /** Whether a query with these arguments can later be followed by queryChanges. */
    static boolean isTracked(JsonNode args) {
        JsonNode filter = args.get("filter");
        boolean simpleFilter = filter == null
                || filter.isNull()
                || (filter.isObject()
                        && filter.size() == 1
                        && filter.path("inMailbox").isString());
        JsonNode sort = args.get("sort");
        boolean simpleSort = sort == null
                || sort.isNull()
                || sort.isEmpty()
                || (sort.isArray()
                        && sort.size() == 1
                        && sort.get(0).path("property").asString("").equals("receivedAt")
                        && !sort.get(0).path("isAscending").asBoolean(true));
        return simpleFilter && simpleSort && !Json.optionalBoolean(args, "collapseThreads", false);
    }

    @Override
    public ObjectNode call(ObjectNode args, Invocation invocation) {
        AccountId account = invocation.accountId(args);
        String since = Json.optionalString(args, "sinceQueryState");
        if (since == null) {
            throw MethodError.invalidArguments("sinceQueryState is required");
        }
        long maxChanges = Json.optionalLong(args, "maxChanges", Long.MAX_VALUE);
        if (maxChanges < 1) {
            throw MethodError.invalidArguments("maxChanges must be positive");
        }
        if (!isTracked(args)) {
            throw new MethodError(
                    "cannotCalculateChanges", "changes are tracked for inMailbox sorted by receivedAt only");
        }
        ObjectNode logArgs = Json.object().put("sinceState", since).put("maxChanges", MAX_LOG);
        ChangeSet changes = ChangeLog.read(logArgs, invocation, account);
        if (changes.hasMore()) {
            throw new MethodError("cannotCalculateChanges", "too much changed; run the query again");
        }
        Set<String> touched = new LinkedHashSet<>();
        for (Change change : changes.changes()) {
            switch (change) {
                case Change.EmailChanged email -> touched.add(email.emailId().value());
                case Change.MessageRemoved removed ->
                    touched.add(removed.emailId().value());
                case Change.MailboxChanged ignored -> {}
            }
        }
        SearchQuery query = new EmailFilters(invocation, account).toQuery(args.get("filter"));
        List<EmailId> results = invocation
                .store()
                .search()
                .searchEmails(account, query, EmailQuery.sort(Json.optionalArray(args, "sort")));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < results.size(); i++) {
            index.put(results.get(i).value(), i);
        }
        List<String> added = new ArrayList<>();
        for (String id : touched) {
            if (index.containsKey(id)) {
                added.add(id);
            }
        }
        added.sort((a, b) -> Integer.compare(index.get(a), index.get(b)));
        String upToId = Json.optionalString(args, "upToId");
        if (upToId != null && index.containsKey(upToId)) {
            int last = index.get(upToId);
            added.removeIf(id -> index.get(id) > last);
        }
        if (touched.size() + added.size() > maxChanges) {
            throw new MethodError("tooManyChanges", "more than " + maxChanges + " changes");
        }
        ObjectNode response = Json.object()
                .put("accountId", account.value())
                .put("oldQueryState", since)
                .put("newQueryState", Long.toString(changes.until()));
        if (Json.optionalBoolean(args, "calculateTotal", false)) {
            response.put("total", results.size());
        }
        response.set("removed", Json.strings(touched));
        ArrayNode addedNode = response.putArray("added");
        for (String id : added) {
            addedNode.addObject().put("id", id).put("index", index.get(id));
        }
        return response;
    }
}
