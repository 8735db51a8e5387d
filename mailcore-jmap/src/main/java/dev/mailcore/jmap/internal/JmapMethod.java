/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import tools.jackson.databind.node.ObjectNode;

/** One JMAP method such as {@code Mailbox/get}. */
public interface JmapMethod {
    /** The method name, such as {@code Email/query}. */
    String name();

    /** The capability a request must list in {@code using} to call it. */
    String capability();

    /**
     * Runs the call and returns its response arguments.
     *
     * @throws MethodError for an error the client should see as the call's response
     */
    ObjectNode call(ObjectNode args, Invocation invocation);
}
