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
import dev.mailcore.jmap.internal.Invocation;
import dev.mailcore.jmap.internal.JmapMethod;
import dev.mailcore.jmap.internal.Json;
import dev.mailcore.jmap.internal.MethodError;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code Email/queryChanges} (RFC 8620 §5.6) for the query mail clients keep open: one mailbox (or all mail), newest
 * received first, answered as {@link ChangeLogReplay} describes. Any other filter or sort answers
 * {@code cannotCalculateChanges}.
 */
final class EmailQueryChanges implements JmapMethod {
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
        ChangeLogReplay.Since since = ChangeLogReplay.arguments(args);
        if (!isTracked(args)) {
            throw new MethodError(
                    "cannotCalculateChanges", "changes are tracked for inMailbox sorted by receivedAt only");
        }
        ChangeSet changes = ChangeLogReplay.log(since, invocation, account);
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
        List<String> results = invocation
                .store()
                .search()
                .searchEmails(account, query, EmailQuery.sort(Json.optionalArray(args, "sort")))
                .stream()
                .map(EmailId::value)
                .toList();
        return ChangeLogReplay.response(
                args, account, since, changes, touched, results, Json.optionalString(args, "upToId"));
    }
}
