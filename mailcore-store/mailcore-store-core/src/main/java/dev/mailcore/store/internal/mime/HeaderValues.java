/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

import jakarta.mail.internet.MailDateFormat;
import java.text.ParsePosition;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Lenient readers for the Date and message-id headers. */
final class HeaderValues {
    private static final int MAX_IDS = 1000;
    private static final int MAX_DATE_LENGTH = 200;

    private HeaderValues() {}

    /** The instant of an RFC 5322 date (obsolete forms accepted), or null when it cannot be read. */
    static Instant date(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_DATE_LENGTH) {
            return null;
        }
        String text = value.strip();
        try {
            // MailDateFormat is a SimpleDateFormat: not thread-safe, so one per call.
            Date parsed = new MailDateFormat().parse(text, new ParsePosition(0));
            if (parsed != null) {
                return parsed.toInstant();
            }
        } catch (RuntimeException e) {
            // Fall through to the stricter java.time reader.
        }
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The message ids of a Message-ID, In-Reply-To or References value, without angle brackets. */
    static List<String> messageIds(String value) {
        List<String> ids = new ArrayList<>();
        if (value == null) {
            return ids;
        }
        int i = 0;
        while (i < value.length() && ids.size() < MAX_IDS) {
            int open = value.indexOf('<', i);
            if (open < 0) {
                break;
            }
            int close = value.indexOf('>', open + 1);
            if (close < 0) {
                break;
            }
            String id = stripSpaces(value.substring(open + 1, close));
            if (!id.isEmpty()) {
                ids.add(id);
            }
            i = close + 1;
        }
        if (ids.isEmpty()) {
            for (String token : value.split("[\\s,]+", MAX_IDS)) {
                if (!token.isEmpty() && token.indexOf('@') > 0 && ids.size() < MAX_IDS) {
                    ids.add(token);
                }
            }
        }
        return ids;
    }

    private static String stripSpaces(String id) {
        StringBuilder out = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
