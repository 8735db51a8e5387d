/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;

/** IMAP's date ({@code 1-Feb-2026}) and date-time ({@code " 1-Feb-2026 10:00:00 +0100"}) formats. */
final class ImapDates {
    private static final Map<Long, String> MONTHS = Map.ofEntries(
            Map.entry(1L, "Jan"),
            Map.entry(2L, "Feb"),
            Map.entry(3L, "Mar"),
            Map.entry(4L, "Apr"),
            Map.entry(5L, "May"),
            Map.entry(6L, "Jun"),
            Map.entry(7L, "Jul"),
            Map.entry(8L, "Aug"),
            Map.entry(9L, "Sep"),
            Map.entry(10L, "Oct"),
            Map.entry(11L, "Nov"),
            Map.entry(12L, "Dec"));
    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendValue(ChronoField.DAY_OF_MONTH)
            .appendLiteral('-')
            .appendText(ChronoField.MONTH_OF_YEAR, MONTHS)
            .appendLiteral('-')
            .appendValue(ChronoField.YEAR, 4)
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .padNext(2)
            .appendValue(ChronoField.DAY_OF_MONTH)
            .appendLiteral('-')
            .appendText(ChronoField.MONTH_OF_YEAR, MONTHS)
            .appendLiteral('-')
            .appendValue(ChronoField.YEAR, 4)
            .appendPattern(" HH:mm:ss xx")
            .toFormatter(Locale.ROOT);

    private ImapDates() {}

    static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            throw new ParseException("invalid date " + text);
        }
    }

    static Instant parseDateTime(String text) {
        try {
            return ZonedDateTime.parse(text, DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new ParseException("invalid date-time " + text);
        }
    }

    static String format(Instant instant) {
        return DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }
}
