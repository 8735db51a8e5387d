/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import java.util.Set;

/**
 * A method-level error (RFC 8620 §3.6.2): the call answers {@code ["error", {"type": ...}, callId]} and the request
 * goes on with the next call.
 */
public final class MethodError extends RuntimeException {
    private static final Set<String> METHOD_LEVEL_TYPES =
            Set.of("invalidArguments", "cannotCalculateChanges", "serverUnavailable", "serverFail", "forbidden");

    private final String type;

    public MethodError(String type, String description) {
        super(description);
        this.type = type;
    }

    public String type() {
        return type;
    }

    public static MethodError invalidArguments(String description) {
        return new MethodError("invalidArguments", description);
    }

    public static MethodError unknownMethod(String description) {
        return new MethodError("unknownMethod", description);
    }

    public static MethodError invalidResultReference(String description) {
        return new MethodError("invalidResultReference", description);
    }

    public static MethodError accountNotFound() {
        return new MethodError("accountNotFound", "no such account for this user");
    }

    public static MethodError tooLarge(String description) {
        return new MethodError("requestTooLarge", description);
    }

    /**
     * The method-level error for a store failure. Reasons whose JMAP type names an object-level problem (such as
     * {@code notFound}) only make sense in a SetError; at method level they fall back to a generic type.
     */
    public static MethodError from(MailException e) {
        ErrorReason reason = e.reason();
        String type = reason.jmapType();
        if (!METHOD_LEVEL_TYPES.contains(type)) {
            type = reason.temporary() ? "serverUnavailable" : "invalidArguments";
        }
        return new MethodError(type, e.getMessage());
    }
}
