/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import dev.mailcore.net.LiteralAnnouncer;
import java.nio.charset.StandardCharsets;

/** Recognizes IMAP literals at the end of a line: {@code {n}} (synchronizing) and {@code {n+}} (LITERAL+). */
public final class ImapLiterals implements LiteralAnnouncer {
    private static final byte[] GO_AHEAD = "+ Ready for literal data\r\n".getBytes(StandardCharsets.US_ASCII);

    @Override
    public Announcement announced(byte[] line, int length) {
        if (length < 3 || line[length - 1] != '}') {
            return null;
        }
        int end = length - 1;
        boolean nonSynchronizing = line[end - 1] == '+';
        if (nonSynchronizing) {
            end--;
        }
        int start = end;
        while (start > 0 && line[start - 1] >= '0' && line[start - 1] <= '9') {
            start--;
        }
        if (start == end || start == 0 || line[start - 1] != '{' || end - start > 12) {
            return null;
        }
        long size = Long.parseLong(new String(line, start, end - start, StandardCharsets.US_ASCII));
        return new Announcement(size, nonSynchronizing ? null : GO_AHEAD);
    }
}
