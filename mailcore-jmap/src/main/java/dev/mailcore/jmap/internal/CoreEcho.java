/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import tools.jackson.databind.node.ObjectNode;

/** {@code Core/echo} (RFC 8620 §4): answers with its arguments, to test a connection. */
final class CoreEcho implements JmapMethod {
    @Override
    public String name() {
        return "Core/echo";
    }

    @Override
    public String capability() {
        return Capabilities.CORE;
    }

    @Override
    public ObjectNode call(ObjectNode args, Invocation invocation) {
        return args;
    }
}
