/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** IMAP's modified UTF-7 for mailbox names (RFC 3501 §5.1.3), for clients that did not enable UTF-8. */
final class ModifiedUtf7 {
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private ModifiedUtf7() {}

    static String encode(String name) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c >= 0x20 && c <= 0x7e) {
                out.append(c == '&' ? "&-" : String.valueOf(c));
                i++;
                continue;
            }
            int start = i;
            while (i < name.length() && (name.charAt(i) < 0x20 || name.charAt(i) > 0x7e)) {
                i++;
            }
            byte[] utf16 = name.substring(start, i).getBytes(StandardCharsets.UTF_16BE);
            out.append('&')
                    .append(ENCODER.encodeToString(utf16).replace('/', ','))
                    .append('-');
        }
        return out.toString();
    }

    /** @throws ParseException for a name that is not valid modified UTF-7 */
    static String decode(String name) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c > 0x7e) {
                throw new ParseException("mailbox name is not modified UTF-7");
            }
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int end = name.indexOf('-', i);
            if (end < 0) {
                throw new ParseException("unterminated modified UTF-7 in mailbox name");
            }
            if (end == i + 1) {
                out.append('&');
            } else {
                try {
                    byte[] utf16 = DECODER.decode(name.substring(i + 1, end).replace(',', '/'));
                    if (utf16.length % 2 != 0) {
                        throw new ParseException("invalid modified UTF-7 in mailbox name");
                    }
                    out.append(StandardCharsets.UTF_16BE.decode(ByteBuffer.wrap(utf16)));
                } catch (IllegalArgumentException e) {
                    throw new ParseException("invalid modified UTF-7 in mailbox name");
                }
            }
            i = end + 1;
        }
        return out.toString();
    }
}
