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
 * How the framer reads what follows a command line: after {@code DATA} it holds, because the bytes that follow are
 * a message only when the session accepts the command; after {@code BDAT n} it reads the chunk as a literal of
 * exactly the announced size, whether or not the session will keep it (RFC 3030 requires the chunk to be read).
 *
 * <p>The framer ends a request at the end of a line, not at the end of a literal, and a client may wait for the
 * reply to BDAT before it sends anything else. So the literal is announced one octet short: the chunk's last octet
 * is read as the start of the following line. When the chunk ends with LF (a message ending in CRLF does), that
 * line is empty and the request is complete at once; otherwise the line is the last octet followed by the client's
 * next command, and that command may itself be a BDAT (a pipelined chunk), which is why a BDAT is also recognized
 * one octet into a line. {@link ChunkedRequest} takes such a request apart again.
 */
public final class SmtpLiterals implements LiteralAnnouncer {
    private static final Pattern BDAT = Pattern.compile("BDAT ([0-9]{1,18})( LAST)?", Pattern.CASE_INSENSITIVE);

    @Override
    public Announcement announced(byte[] line, int length) {
        long size = chunkSize(line, 0, length);
        if (size < 0 && length > 0) {
            size = chunkSize(line, 1, length);
        }
        return size > 0 ? new Announcement(size - 1, null) : null;
    }

    @Override
    public boolean holds(byte[] line, int length) {
        return isData(line, length);
    }

    /** Whether a line is a DATA command (the same test decides in the framer and in the session). */
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

    private static long chunkSize(byte[] line, int from, int length) {
        if (length - from < 6 || (line[from] | 0x20) != 'b') {
            return -1;
        }
        SmtpCommand.Bdat bdat = bdat(new String(line, from, length - from, StandardCharsets.ISO_8859_1));
        return bdat == null ? -1 : bdat.size();
    }
}
