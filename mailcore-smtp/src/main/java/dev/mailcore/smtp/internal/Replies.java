/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp.internal;

import dev.mailcore.api.MailException;

/** Replies that several commands share. */
public final class Replies {
    private Replies() {}

    /** A store or directory failure as the client sees it: the reason's reply code and enhanced status code. */
    public static Reply of(MailException e) {
        String text = e.getMessage() == null ? e.reason().name() : e.getMessage();
        return Reply.of(e.reason().smtpReplyCode(), e.reason().smtpEnhancedCode(), text.replaceAll("[\\r\\n]", " "));
    }
}
