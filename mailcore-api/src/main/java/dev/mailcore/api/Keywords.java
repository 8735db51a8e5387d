/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Keywords are JMAP's name for IMAP flags (RFC 8621 §4.1.1). Mailcore stores them lowercase, as JMAP requires; the
 * four IMAP system flags that belong to the email map to their {@code $} keywords. {@code \Deleted} is not a keyword:
 * it belongs to one mailbox membership (see {@link Flags}), so marking a message deleted in one mailbox never touches
 * its other mailboxes. {@code \Recent} is per session and never stored.
 *
 * <pre>{@code
 * Keywords.fromImapFlag("\\Seen");   // "$seen"
 * Keywords.toImapFlag("$flagged");   // "\\Flagged"
 * }</pre>
 */
public final class Keywords {
    public static final String SEEN = "$seen";
    public static final String ANSWERED = "$answered";
    public static final String FLAGGED = "$flagged";
    public static final String DRAFT = "$draft";
    public static final String FORWARDED = "$forwarded";

    /** The longest keyword accepted, in characters (JMAP's limit). */
    public static final int MAX_LENGTH = 255;

    private Keywords() {}

    /**
     * The keyword for an IMAP flag or keyword: system flags map to their {@code $} form, anything else is validated
     * and lowercased. {@code \Deleted} and {@code \Recent} are not keywords and are refused here.
     *
     * @throws MailException {@link ErrorReason#INVALID_ARGUMENT} for a malformed flag
     */
    public static String fromImapFlag(String flag) {
        if (flag != null && flag.startsWith("\\")) {
            return switch (flag.toLowerCase(Locale.ROOT)) {
                case "\\seen" -> SEEN;
                case "\\answered" -> ANSWERED;
                case "\\flagged" -> FLAGGED;
                case "\\draft" -> DRAFT;
                default -> throw new MailException(ErrorReason.INVALID_ARGUMENT, "not a keyword: " + flag);
            };
        }
        return normalize(flag);
    }

    /** The IMAP form of a keyword: the system flags for the four {@code $} keywords that have one, else unchanged. */
    public static String toImapFlag(String keyword) {
        return switch (keyword) {
            case SEEN -> "\\Seen";
            case ANSWERED -> "\\Answered";
            case FLAGGED -> "\\Flagged";
            case DRAFT -> "\\Draft";
            default -> keyword;
        };
    }

    /**
     * Validates a keyword and returns its lowercase form. Allowed: 1–255 characters from {@code %x21-%x7E} except
     * {@code ( ) { ] % * " \} (the intersection of IMAP's atom and JMAP's keyword grammar).
     *
     * @throws MailException {@link ErrorReason#INVALID_ARGUMENT} when the keyword is not acceptable
     */
    public static String normalize(String keyword) {
        if (keyword == null || keyword.isEmpty() || keyword.length() > MAX_LENGTH) {
            throw new MailException(ErrorReason.INVALID_ARGUMENT, "a keyword must be 1 to 255 characters long");
        }
        for (int i = 0; i < keyword.length(); i++) {
            char c = keyword.charAt(i);
            if (c < 0x21 || c > 0x7e || "(){]%*\"\\".indexOf(c) >= 0) {
                throw new MailException(ErrorReason.INVALID_ARGUMENT, "keyword has a forbidden character: " + keyword);
            }
        }
        return keyword.toLowerCase(Locale.ROOT);
    }

    /**
     * Normalizes every keyword of {@code keywords} into an unmodifiable set. A set that is already unmodifiable and
     * normalized is returned as it is, so re-wrapping stored keywords costs no copy.
     */
    public static Set<String> normalizeAll(Collection<String> keywords) {
        if (keywords.isEmpty()) {
            return Set.of();
        }
        boolean normalized = true;
        for (String keyword : keywords) {
            if (!normalize(keyword).equals(keyword)) {
                normalized = false;
                break;
            }
        }
        if (normalized) {
            return Set.copyOf(keywords);
        }
        Set<String> result = new HashSet<>();
        for (String keyword : keywords) {
            result.add(normalize(keyword));
        }
        return Set.copyOf(result);
    }
}
