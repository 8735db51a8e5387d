/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net;

import java.nio.charset.StandardCharsets;

/** The literal syntax of the net tests' protocols: {@code {n}} (synchronizing) and {@code {n+}} end a line, as in IMAP. */
public final class BraceLiterals {
    /** Announces a literal a line ends with; a synchronizing one gets {@code + go} as its continuation. */
    public static final LiteralAnnouncer BRACES = (line, length) -> {
        String text = new String(line, 0, length, StandardCharsets.US_ASCII);
        if (!text.endsWith("}") || text.indexOf('{') < 0) {
            return null;
        }
        String number = text.substring(text.lastIndexOf('{') + 1, text.length() - 1);
        boolean plus = number.endsWith("+");
        long size = Long.parseLong(plus ? number.substring(0, number.length() - 1) : number);
        return new LiteralAnnouncer.Announcement(size, plus ? null : "+ go\r\n".getBytes(StandardCharsets.US_ASCII));
    };

    private BraceLiterals() {}
}
