/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp.internal;

/** The xtext encoding of DSN parameters (RFC 3461 section 4): printable ASCII, with {@code +XX} for the rest. */
final class Xtext {
    private Xtext() {}

    /** Decodes; throws {@link SyntaxError} for what is not xtext. */
    static String decode(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                if (i + 2 >= text.length()) {
                    throw new SyntaxError("bad xtext: " + text);
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0
                        || low < 0
                        || Character.isLowerCase(text.charAt(i + 1))
                        || Character.isLowerCase(text.charAt(i + 2))) {
                    throw new SyntaxError("bad xtext: " + text);
                }
                sb.append((char) (high * 16 + low));
                i += 2;
            } else if (c < '!' || c > '~' || c == '=') {
                throw new SyntaxError("bad xtext: " + text);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
