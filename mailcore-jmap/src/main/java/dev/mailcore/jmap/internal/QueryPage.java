/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The window of a {@code /query} result: {@code position}, {@code anchor}, {@code anchorOffset}, {@code limit}. */
public final class QueryPage {
    private QueryPage() {}

    /** The query response for the full, sorted result {@code ids}. */
    public static ObjectNode respond(JsonNode args, String accountId, String queryState, List<String> ids) {
        long position = Json.optionalLong(args, "position", 0);
        long limit = Json.optionalLong(args, "limit", Long.MAX_VALUE);
        if (limit < 0) {
            throw MethodError.invalidArguments("limit must not be negative");
        }
        String anchor = Json.optionalString(args, "anchor");
        int total = ids.size();
        long start;
        if (anchor != null) {
            int index = ids.indexOf(anchor);
            if (index < 0) {
                throw new MethodError("anchorNotFound", "the anchor is not in the results");
            }
            start = Math.max(0, index + Json.optionalLong(args, "anchorOffset", 0));
        } else if (position < 0) {
            start = Math.max(0, total + position);
        } else {
            start = position;
        }
        start = Math.min(start, total);
        long end = start + Math.min(total - start, limit);
        return respond(args, accountId, queryState, ids.subList((int) start, (int) end), start, total);
    }

    /**
     * The query response for a window already cut: {@code window} holds the ids from {@code start} on, of a result
     * of {@code total} ids, as far as {@code limit} allows.
     */
    public static ObjectNode respond(
            JsonNode args, String accountId, String queryState, List<String> window, long start, int total) {
        long limit = Json.optionalLong(args, "limit", Long.MAX_VALUE);
        ObjectNode response = Json.object();
        response.put("accountId", accountId);
        response.put("queryState", queryState);
        response.put("canCalculateChanges", false);
        response.put("position", start);
        response.set("ids", Json.strings(window));
        if (Json.optionalBoolean(args, "calculateTotal", false)) {
            response.put("total", total);
        }
        if (args.has("limit") && !args.get("limit").isNull()) {
            response.put("limit", limit);
        }
        return response;
    }
}
