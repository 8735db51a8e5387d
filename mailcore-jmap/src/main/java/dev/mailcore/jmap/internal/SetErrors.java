/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import dev.mailcore.api.MailException;
import tools.jackson.databind.node.ObjectNode;

/** SetError objects (RFC 8620 §5.3). */
public final class SetErrors {
    private SetErrors() {}

    public static ObjectNode of(String type, String description) {
        ObjectNode error = Json.object().put("type", type);
        if (description != null) {
            error.put("description", description);
        }
        return error;
    }

    /** The store's reason carries its JMAP type. */
    public static ObjectNode of(MailException e) {
        return of(e.reason().jmapType(), e.getMessage());
    }

    public static ObjectNode invalidProperties(String description, String... properties) {
        ObjectNode error = of("invalidProperties", description);
        var list = error.putArray("properties");
        for (String property : properties) {
            list.add(property);
        }
        return error;
    }
}
