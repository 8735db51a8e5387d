/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp.internal;

import dev.mailcore.net.LiteralAnnouncer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the framer reads what follows a command line: it holds after {@code DATA} and after {@code BDAT}, because the
 * bytes that follow are decided by the session. After DATA they are a message only when the session accepted the
 * command, and command lines otherwise; after BDAT they are a chunk of exactly the announced size, read whether or
 * not the session keeps it (RFC 3030), with {@link dev.mailcore.net.Connection#receiveExact}.
 */
public final class SmtpLiterals implements LiteralAnnouncer {
    private static final Pattern BDAT = Pattern.compile("BDAT ([0-9]{1,18})( LAST)?", Pattern.CASE_INSENSITIVE);

    @Override
    public Announcement announced(byte[] line, int length) {
        return null;
    }

    @Override
    public boolean holds(byte[] line, int length) {
        return held(line, length);
    }

    /** Whether the framer holds after this line: a DATA or a BDAT command (the framer's and the session's test). */
    public static boolean held(byte[] line, int length) {
        return isData(line, length) || isBdat(line, length);
    }

    /** Whether a line is a DATA command. */
    public static boolean isData(byte[] line, int length) {
        return length == 4
                && (line[0] | 0x20) == 'd'
                && (line[1] | 0x20) == 'a'
                && (line[2] | 0x20) == 't'
                && (line[3] | 0x20) == 'a';
    }

    /** The BDAT command of a whole command line, or null when the line is not one (the parser's and framer's rule). */
    public static SmtpCommand.Bdat bdat(String line) {
        Matcher m = BDAT.matcher(line);
        return m.matches() ? new SmtpCommand.Bdat(Long.parseLong(m.group(1)), m.group(2) != null) : null;
    }

    private static boolean isBdat(byte[] line, int length) {
        return length >= 6
                && (line[0] | 0x20) == 'b'
                && bdat(new String(line, 0, length, StandardCharsets.ISO_8859_1)) != null;
    }
}
