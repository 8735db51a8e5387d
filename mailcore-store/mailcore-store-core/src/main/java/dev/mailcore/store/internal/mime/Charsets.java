/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

import jakarta.mail.internet.MimeUtility;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a header or text part into characters without ever failing: a named charset that Java knows
 * is used with replacement of bad input; an unknown, missing or {@code us-ascii} label on 8-bit bytes falls back to
 * UTF-8 when the bytes are valid UTF-8 and to ISO-8859-1 otherwise, which is what real mail usually means.
 */
final class Charsets {
    private Charsets() {}

    /** The Java charset for a MIME charset label, or null when the label is unknown or absent. */
    static Charset lookup(String label) {
        if (label == null) {
            return null;
        }
        String name = label.trim();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).trim();
        }
        if (name.isEmpty() || name.length() > 64) {
            return null;
        }
        try {
            String java = MimeUtility.javaCharset(name);
            return Charset.forName(java == null ? name : java);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String decode(byte[] bytes, int off, int len, String label) {
        Charset charset = lookup(label);
        boolean ascii = isAscii(bytes, off, len);
        if (ascii && (charset == null || charset.equals(StandardCharsets.US_ASCII))) {
            return new String(bytes, off, len, StandardCharsets.US_ASCII);
        }
        if (charset == null || charset.equals(StandardCharsets.US_ASCII)) {
            return utf8OrLatin1(bytes, off, len);
        }
        return new String(bytes, off, len, charset);
    }

    static String decode(byte[] bytes, String label) {
        return decode(bytes, 0, bytes.length, label);
    }

    /** Strict UTF-8 when the bytes are valid UTF-8, ISO-8859-1 otherwise. */
    static String utf8OrLatin1(byte[] bytes, int off, int len) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, off, len))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, off, len, StandardCharsets.ISO_8859_1);
        }
    }

    static boolean isAscii(byte[] bytes, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
