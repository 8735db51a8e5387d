/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Finds the charset an HTML part declares in a {@code <meta>} tag, for parts whose Content-Type names none. */
final class HtmlCharset {
    private static final int SNIFF_BYTES = 4096;

    private HtmlCharset() {}

    static String sniff(byte[] html) {
        String head = new String(html, 0, Math.min(html.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        int at = head.indexOf("charset=");
        if (at < 0 || head.lastIndexOf("<meta", at) < 0) {
            return null;
        }
        int start = at + "charset=".length();
        while (start < head.length() && (head.charAt(start) == '"' || head.charAt(start) == '\'')) {
            start++;
        }
        int end = start;
        while (end < head.length() && end - start < 40) {
            char c = head.charAt(end);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == ':' || c == '.')) {
                break;
            }
            end++;
        }
        return end > start ? head.substring(start, end) : null;
    }
}
