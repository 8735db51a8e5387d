/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Decodes RFC 2047 encoded-words ({@code =?charset?Q|B?text?=}) in a header value, leniently: words glued to text are
 * decoded too, whitespace between adjacent encoded-words is dropped, adjacent words in one charset are joined as bytes
 * before decoding (so a character split across two words survives), and bad words are kept as they stand.
 */
final class EncodedWords {
    /** Real encoded-words are at most 75 characters (RFC 2047 §2); broken mailers write longer ones. */
    private static final int MAX_CHARSET = 64;

    private static final int MAX_TEXT = 4096;

    private EncodedWords() {}

    static String decode(String value) {
        if (value == null || !value.contains("=?")) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String pendingCharset = null;
        int i = 0;
        int n = value.length();
        while (i < n) {
            Word word = value.startsWith("=?", i) ? parseWord(value, i) : null;
            if (word != null) {
                if (pendingCharset != null && !pendingCharset.equalsIgnoreCase(word.charset)) {
                    flush(out, pending, pendingCharset);
                }
                pendingCharset = word.charset;
                pending.writeBytes(word.bytes);
                i = word.end;
                int j = i;
                while (j < n && isSpace(value.charAt(j))) {
                    j++;
                }
                // Whitespace that only separates two encoded-words is not part of the text (RFC 2047 §6.2).
                if (j > i && j < n && value.startsWith("=?", j) && parseWord(value, j) != null) {
                    i = j;
                }
                continue;
            }
            if (pendingCharset != null) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
            }
            out.append(value.charAt(i));
            i++;
        }
        if (pendingCharset != null) {
            flush(out, pending, pendingCharset);
        }
        return out.toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        byte[] bytes = pending.toByteArray();
        out.append(Charsets.decode(bytes, charset));
        pending.reset();
    }

    private record Word(String charset, byte[] bytes, int end) {}

    private static Word parseWord(String s, int start) {
        int q1 = indexOf(s, "?", start + 2, start + MAX_CHARSET);
        if (q1 < 0 || q1 == start + 2 || q1 + 2 >= s.length() || s.charAt(q1 + 2) != '?') {
            return null;
        }
        String charset = s.substring(start + 2, q1);
        for (int k = 0; k < charset.length(); k++) {
            if (isSpace(charset.charAt(k))) {
                return null;
            }
        }
        int star = charset.indexOf('*');
        if (star >= 0) {
            charset = charset.substring(0, star); // RFC 2231 §5 language suffix
        }
        char encoding = Character.toUpperCase(s.charAt(q1 + 1));
        int textStart = q1 + 3;
        int close = indexOf(s, "?=", textStart, textStart + MAX_TEXT);
        if (close < 0) {
            return null;
        }
        String text = s.substring(textStart, close);
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (isSpace(c) || c == '?') {
                return null;
            }
        }
        byte[] bytes;
        if (encoding == 'B') {
            bytes = TransferDecoding.base64(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        } else if (encoding == 'Q') {
            bytes = qDecode(text);
        } else {
            return null;
        }
        return new Word(charset.toLowerCase(Locale.ROOT), bytes, close + 2);
    }

    /** {@code s.indexOf(needle, from)}, looking no further than {@code to}, so bad input cannot cost quadratic time. */
    private static int indexOf(String s, String needle, int from, int to) {
        int last = Math.min(to, s.length() - needle.length());
        for (int i = from; i <= last; i++) {
            if (s.startsWith(needle, i)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] qDecode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '='
                    && i + 2 < text.length()
                    && hex(text.charAt(i + 1)) >= 0
                    && hex(text.charAt(i + 2)) >= 0) {
                out.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else {
                out.write(c > 0xff ? '?' : c);
            }
        }
        return out.toByteArray();
    }

    static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
