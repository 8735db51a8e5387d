/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code asText} form of a header value (RFC 8621 §4.1.2.2): unfolded, trimmed, encoded-words decoded. */
final class EncodedWords {
    private static final Pattern WORD = Pattern.compile("=\\?([^?*]+)(?:\\*[^?]*)?\\?([bBqQ])\\?([^?]*)\\?=");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("(\\?=)\\s+(=\\?)");

    private EncodedWords() {}

    static String asText(String raw) {
        String unfolded = raw.replace("\r\n", "").trim();
        String joined = BETWEEN_WORDS.matcher(unfolded).replaceAll("$1$2");
        Matcher m = WORD.matcher(joined);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1), m.group(2), m.group(3), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String decode(String charsetName, String encoding, String text, String original) {
        try {
            Charset charset = Charset.forName(charsetName);
            byte[] bytes = encoding.equalsIgnoreCase("b") ? Base64.getDecoder().decode(text) : qDecode(text);
            return new String(bytes, charset);
        } catch (IllegalArgumentException e) {
            return original;
        }
    }

    private static byte[] qDecode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] in = text.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '_') {
                out.write(' ');
            } else if (in[i] == '=' && i + 2 < in.length) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toByteArray();
    }
}
