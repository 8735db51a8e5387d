/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

/** Validation shared by the id records: JMAP ids (RFC 8620 §1.2) are 1–255 characters of the URL-safe base64 alphabet. */
final class Ids {
    private Ids() {}

    static String requireValid(String value, String kind) {
        if (value == null) {
            throw new MailException(ErrorReason.INVALID_ARGUMENT, kind + " must not be null");
        }
        int n = value.length();
        if (n == 0 || n > 255) {
            throw new MailException(ErrorReason.INVALID_ARGUMENT, kind + " must be 1 to 255 characters long");
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            boolean ok =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                throw new MailException(
                        ErrorReason.INVALID_ARGUMENT, kind + " contains a character outside [A-Za-z0-9_-]");
            }
        }
        return value;
    }
}
