/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;

/**
 * Keeps (or drops) the named fields of a header block, for BODY[HEADER.FIELDS (...)]. Works on the header bytes
 * only; no MIME parsing.
 */
final class HeaderFilter {
    private HeaderFilter() {}

    static byte[] filter(byte[] header, List<String> names, boolean keep) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        boolean copying = false;
        while (i < header.length) {
            int end = i;
            while (end < header.length && header[end] != '\n') {
                end++;
            }
            int next = Math.min(end + 1, header.length);
            boolean blank = end == i || (end == i + 1 && header[i] == '\r');
            if (blank) {
                break;
            }
            boolean continuation = header[i] == ' ' || header[i] == '\t';
            if (!continuation) {
                int colon = i;
                while (colon < end && header[colon] != ':') {
                    colon++;
                }
                String name = new String(header, i, colon - i, java.nio.charset.StandardCharsets.US_ASCII)
                        .trim()
                        .toUpperCase(Locale.ROOT);
                copying = names.contains(name) == keep;
            }
            if (copying) {
                out.write(header, i, next - i);
            }
            i = next;
        }
        out.write('\r');
        out.write('\n');
        return out.toByteArray();
    }
}
