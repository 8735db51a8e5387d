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
    private final String capability;

    public QueryChanges(String type, String capability) {
        this.type = type;
        this.capability = capability;
    }

    @Override
    public String name() {
        return type + "/queryChanges";
    }

    @Override
    public String capability() {
        return capability;
    }

    @Override
    public ObjectNode call(ObjectNode args, Invocation invocation) {
        invocation.accountId(args);
        throw new MethodError("cannotCalculateChanges", "query results are not tracked; run the query again");
    }
}
