/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.Change;
import dev.mailcore.api.ChangeSet;
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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code Mailbox/queryChanges} (RFC 8620 §5.6). Every mailbox the change log touched since the old state is reported
 * removed, and those in the current results are added back at their index, as Email/queryChanges does: RFC 8620
 * allows removed ids that were not in the old results. Any Mailbox/query filter and sort can be followed this way,
 * since they read only mailbox properties the log tracks.
 */
final class MailboxQueryChanges implements JmapMethod {
    /** More changes than this are cheaper for the client to answer with a fresh query. */
    private static final int MAX_LOG = 10_000;

    @Override
    public String name() {
        return "Mailbox/queryChanges";
    }

    @Override
    public String capability() {
        return Capabilities.MAIL;
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
        ChangeSet changes =
                ChangeLog.read(Json.object().put("sinceState", since).put("maxChanges", MAX_LOG), invocation, account);
        if (changes.hasMore()) {
            throw new MethodError("cannotCalculateChanges", "too much changed; run the query again");
        }
        Set<String> touched = new LinkedHashSet<>();
        for (Change change : changes.changes()) {
            if (change instanceof Change.MailboxChanged mailbox) {
                touched.add(mailbox.mailboxId().value());
            }
        }
        List<String> results = MailboxQuery.ids(args, invocation, account);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < results.size(); i++) {
            index.put(results.get(i), i);
        }
        List<String> added =
                new ArrayList<>(touched.stream().filter(index::containsKey).toList());
        added.sort((a, b) -> Integer.compare(index.get(a), index.get(b)));
        String upToId = Json.optionalString(args, "upToId");
        if (upToId != null && index.containsKey(invocation.resolveId(upToId))) {
            int last = index.get(invocation.resolveId(upToId));
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
