/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.ChangeSet;
import dev.mailcore.jmap.internal.ChangeLog;
import dev.mailcore.jmap.internal.Invocation;
import dev.mailcore.jmap.internal.Json;
import dev.mailcore.jmap.internal.MethodError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@code Email/queryChanges} and {@code Mailbox/queryChanges} (RFC 8620 §5.6) share: the arguments, the change
 * log read, and the answer. Every object the log touched since the old state is reported removed, and those in the
 * current results are added back at their index — RFC 8620 allows removed ids that were not in the old results.
 */
final class ChangeLogReplay {
    /** More changes than this are cheaper for the client to answer with a fresh query. */
    private static final int MAX_LOG = 10_000;

    /** The validated {@code sinceQueryState} and {@code maxChanges}. */
    record Since(String state, long maxChanges) {}

    private ChangeLogReplay() {}

    static Since arguments(ObjectNode args) {
        String since = Json.optionalString(args, "sinceQueryState");
        if (since == null) {
            throw MethodError.invalidArguments("sinceQueryState is required");
        }
        long maxChanges = Json.optionalLong(args, "maxChanges", Long.MAX_VALUE);
        if (maxChanges < 1) {
            throw MethodError.invalidArguments("maxChanges must be positive");
        }
        return new Since(since, maxChanges);
    }

    /** The changes since the old state, or {@code cannotCalculateChanges} when there are too many to replay. */
    static ChangeSet log(Since since, Invocation invocation, AccountId account) {
        ObjectNode logArgs = Json.object().put("sinceState", since.state()).put("maxChanges", MAX_LOG);
        ChangeSet changes = ChangeLog.read(logArgs, invocation, account);
        if (changes.hasMore()) {
            throw new MethodError("cannotCalculateChanges", "too much changed; run the query again");
        }
        return changes;
    }

    /**
     * The answer: {@code touched} removed, those of them in {@code results} added at their index (up to
     * {@code upToId}, an id already resolved, when it is in the results).
     */
    static ObjectNode response(
            ObjectNode args,
            AccountId account,
            Since since,
            ChangeSet changes,
            Set<String> touched,
            List<String> results,
            String upToId) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < results.size(); i++) {
            index.put(results.get(i), i);
        }
        List<String> added =
                new ArrayList<>(touched.stream().filter(index::containsKey).toList());
        added.sort((a, b) -> Integer.compare(index.get(a), index.get(b)));
        if (upToId != null && index.containsKey(upToId)) {
            int last = index.get(upToId);
            added.removeIf(id -> index.get(id) > last);
        }
        if (touched.size() + added.size() > since.maxChanges()) {
            throw new MethodError("tooManyChanges", "more than " + since.maxChanges() + " changes");
        }
        ObjectNode response = Json.object()
                .put("accountId", account.value())
                .put("oldQueryState", since.state())
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
