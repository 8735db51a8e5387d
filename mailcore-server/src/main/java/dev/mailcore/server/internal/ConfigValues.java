/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.server.internal;

import dev.mailcore.server.StoreKind;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads the values that flags and the config file share; each throws IllegalArgumentException with a message. */
public final class ConfigValues {
    private ConfigValues() {}

    /** How the launcher's {@code search} setting is written. */
    public enum Search {
        LUCENE,
        LUCENE_IN_MEMORY,
        SCAN;

        public static Search parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "lucene" -> LUCENE;
                case "lucene-in-memory" -> LUCENE_IN_MEMORY;
                case "scan" -> SCAN;
                default ->
                    throw new IllegalArgumentException(
                            "search must be lucene, lucene-in-memory or scan, got \"" + text + "\"");
            };
        }
    }

    /** A store kind and, for PostgreSQL, its JDBC URL. */
    public record Store(StoreKind kind, String jdbcUrl) {
        /** Reads {@code memory}, {@code h2} or {@code postgres:JDBC_URL}. */
        public static Store parse(String text) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.equals("memory")) {
                return new Store(StoreKind.MEMORY, null);
            }
            if (lower.equals("h2")) {
                return new Store(StoreKind.H2, null);
            }
            if (lower.startsWith("postgres:") && text.length() > "postgres:".length()) {
                return new Store(StoreKind.POSTGRES, text.substring("postgres:".length()));
            }
            throw new IllegalArgumentException("store must be memory, h2 or postgres:JDBC_URL, got \"" + text + "\"");
        }
    }

    /** Reads a store type of the config file: {@code memory}, {@code h2} or {@code postgres}. */
    public static StoreKind storeKind(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "memory" -> StoreKind.MEMORY;
            case "h2" -> StoreKind.H2;
            case "postgres" -> StoreKind.POSTGRES;
            default ->
                throw new IllegalArgumentException("store type must be memory, h2 or postgres, got \"" + text + "\"");
        };
    }

    /** A size in bytes: a number, or a number with K, M or G (binary multiples). */
    public record ByteSize(long bytes) {
        public static ByteSize parse(String text) {
            String t = text.trim().toUpperCase(Locale.ROOT);
            long unit = 1;
            if (t.endsWith("K") || t.endsWith("M") || t.endsWith("G")) {
                unit = switch (t.charAt(t.length() - 1)) {
                    case 'K' -> 1L << 10;
                    case 'M' -> 1L << 20;
                    default -> 1L << 30;
                };
                t = t.substring(0, t.length() - 1);
            }
            try {
                long value = Math.multiplyExact(Long.parseLong(t), unit);
                if (value <= 0) {
                    throw new IllegalArgumentException("a size must be positive, got \"" + text + "\"");
                }
                return new ByteSize(value);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("expected a size like 32M or 65536, got \"" + text + "\"");
            }
        }
    }

    /** A duration: {@code 90s}, {@code 5m}, {@code 1h}, {@code 30d} or ISO-8601 ({@code PT5M}, {@code P30D}). */
    public static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt") || t.startsWith("p")) {
                return positive(Duration.parse(t.toUpperCase(Locale.ROOT)), text);
            }
            long amount = Long.parseLong(t.substring(0, t.length() - 1));
            return positive(
                    switch (t.charAt(t.length() - 1)) {
                        case 's' -> Duration.ofSeconds(amount);
                        case 'm' -> Duration.ofMinutes(amount);
                        case 'h' -> Duration.ofHours(amount);
                        case 'd' -> Duration.ofDays(amount);
                        default -> throw new NumberFormatException();
                    },
                    text);
        } catch (NumberFormatException
                | DateTimeParseException
                | StringIndexOutOfBoundsException
                | ArithmeticException e) {
            throw new IllegalArgumentException(
                    "expected a duration like 90s, 5m, 1h, 30d or PT5M, got \"" + text + "\"");
        }
    }

    private static Duration positive(Duration d, String text) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("a duration must be positive, got \"" + text + "\"");
        }
        return d;
    }

    /** A period that may be switched off: {@code off} or {@code 0} (never), else a {@link #duration}. */
    public record Interval(Duration duration) {
        public static final Interval OFF = new Interval(Duration.ZERO);

        public static Interval parse(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            if (t.equals("off") || t.matches("0+[smhd]?")) {
                return OFF;
            }
            return new Interval(ConfigValues.duration(text));
        }
    }

    /** A user given as {@code NAME:PASSWORD}; the password may hold colons. */
    public record UserPassword(String name, String password) {
        public static UserPassword parse(String text) {
            int colon = text.indexOf(':');
            if (colon <= 0 || colon == text.length() - 1) {
                throw new IllegalArgumentException("expected NAME:PASSWORD for a user, got \"" + text + "\"");
            }
            return new UserPassword(text.substring(0, colon), text.substring(colon + 1));
        }
    }
}
