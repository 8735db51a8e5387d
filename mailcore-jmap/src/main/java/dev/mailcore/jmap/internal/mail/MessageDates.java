/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** RFC 5322 Date header values, read and written as JMAP {@code Date} strings with their own offset. */
final class MessageDates {
    private static final Pattern COMMENT = Pattern.compile("\\([^()]*\\)");
    private static final DateTimeFormatter JMAP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private MessageDates() {}

    /** The date of a raw header value, or empty when it does not parse. */
    static Optional<OffsetDateTime> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String cleaned =
                COMMENT.matcher(raw.replace("\r\n", "")).replaceAll(" ").trim().replaceAll("\\s+", " ");
        try {
            return Optional.of(ZonedDateTime.parse(cleaned, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toOffsetDateTime());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** RFC 3339 with seconds and the offset, as JMAP's {@code Date} type wants. */
    static String format(OffsetDateTime date) {
        return JMAP_DATE.format(date);
    }
}
