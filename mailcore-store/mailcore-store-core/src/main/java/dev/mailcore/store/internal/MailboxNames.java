/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.api.Mailbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Rules for mailbox names and paths; see {@link dev.mailcore.api.Mailboxes}. */
public final class MailboxNames {
    static final int MAX_LEVEL_LENGTH = 255;
    static final int MAX_DEPTH = 64;

    private MailboxNames() {}

    /**
     * Splits a full path into validated levels. A trailing delimiter is ignored (IMAP CREATE {@code foo/} creates
     * {@code foo}); a top-level {@code INBOX} in any case becomes {@code INBOX}.
     */
    public static List<String> split(String path) {
        if (path == null) {
            throw new MailException(ErrorReason.INVALID_NAME, "mailbox name must not be null");
        }
        String trimmed = path.endsWith(String.valueOf(Mailbox.DELIMITER)) ? path.substring(0, path.length() - 1) : path;
        List<String> levels = new ArrayList<>();
        int start = 0;
        while (true) {
            int end = trimmed.indexOf(Mailbox.DELIMITER, start);
            String level = end < 0 ? trimmed.substring(start) : trimmed.substring(start, end);
            levels.add(validateLevel(level));
            if (levels.size() > MAX_DEPTH) {
                throw new MailException(ErrorReason.INVALID_NAME, "mailbox names nest at most " + MAX_DEPTH + " deep");
            }
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
        if (isInbox(levels.get(0))) {
            levels.set(0, Mailbox.INBOX);
        }
        return levels;
    }

    /** Checks one level of a path and returns it. */
    public static String validateLevel(String level) {
        if (level == null || level.isEmpty()) {
            throw new MailException(ErrorReason.INVALID_NAME, "mailbox name has an empty level");
        }
        if (level.length() > MAX_LEVEL_LENGTH) {
            throw new MailException(ErrorReason.INVALID_NAME, "mailbox name level longer than " + MAX_LEVEL_LENGTH);
        }
        if (level.equals(".") || level.equals("..")) {
            throw new MailException(ErrorReason.INVALID_NAME, "mailbox name level must not be . or ..");
        }
        for (int i = 0; i < level.length(); i++) {
            char c = level.charAt(i);
            if (c == Mailbox.DELIMITER || c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                throw new MailException(ErrorReason.INVALID_NAME, "mailbox name has a forbidden character");
            }
            if (Character.isSurrogate(c) && !validSurrogateAt(level, i)) {
                throw new MailException(ErrorReason.INVALID_NAME, "mailbox name is not valid Unicode");
            }
        }
        return level;
    }

    private static boolean validSurrogateAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    public static boolean isInbox(String level) {
        return level.toUpperCase(Locale.ROOT).equals(Mailbox.INBOX);
    }
}
