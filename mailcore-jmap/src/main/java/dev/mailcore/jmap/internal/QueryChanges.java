/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code /queryChanges} method (RFC 8620 §5.6) for a type whose queries report {@code canCalculateChanges:
 * false}: it always answers {@code cannotCalculateChanges}, and the client runs the query again.
 */
public final class QueryChanges implements JmapMethod {
    private final String type;

    public QueryChanges(String type) {
        this.type = type;
    }

    @Override
    public String name() {
        return type + "/queryChanges";
    }

    @Override
    public String capability() {
        return Capabilities.MAIL;
    }

    @Override
    public ObjectNode call(ObjectNode args, Invocation invocation) {
        invocation.accountId(args);
        throw new MethodError("cannotCalculateChanges", "query results are not tracked; run the query again");
    }
}
