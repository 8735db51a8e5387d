/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

import java.util.Objects;

/**
 * The one exception the services and SPIs of Mailcore throw for failures a client can be told about. Its
 * {@link #reason()} says which protocol reply to give; the message is safe to show to a client and never holds a
 * stack trace or internal detail.
 */
public class MailException extends RuntimeException {
    private final ErrorReason reason;

    public MailException(ErrorReason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public MailException(ErrorReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public ErrorReason reason() {
        return reason;
    }
}
