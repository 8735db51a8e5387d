/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp;

import java.util.Objects;

/**
 * The reply a client got for one recipient, as an {@link SmtpListener} sees it.
 *
 * @param address the recipient address as the client gave it
 * @param code the reply code: 250 when the message was stored or queued for this recipient
 * @param enhancedCode the RFC 3463 status code, such as {@code 2.0.0} or {@code 5.1.1}
 */
public record RecipientResult(String address, int code, String enhancedCode) {
    public RecipientResult {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(enhancedCode, "enhancedCode");
    }

    /** Whether the message was accepted for this recipient. */
    public boolean accepted() {
        return code >= 200 && code < 300;
    }
}
