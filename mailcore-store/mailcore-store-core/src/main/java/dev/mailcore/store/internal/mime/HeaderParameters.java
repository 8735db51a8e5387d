/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

import dev.mailcore.api.message.Parameter;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A structured MIME header value such as Content-Type or Content-Disposition: the leading value and its
 * {@code ;}-separated parameters as they stand (lowercase names, unquoted values, RFC 2231 sections not joined).
 * Parsing is lenient and never fails.
 */
record HeaderParameters(String value, List<Parameter> parameters) {
    private static final int MAX_PARAMETERS = 100;
    private static final int MAX_SECTIONS = 100;

    HeaderParameters {
        parameters = List.copyOf(parameters);
    }

    static HeaderParameters parse(String header) {
        if (header == null) {
            return new HeaderParameters(null, List.of());
        }
        List<String> pieces = split(header);
        String value = pieces.get(0).strip();
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 1; i < pieces.size() && parameters.size() < MAX_PARAMETERS; i++) {
            String piece = pieces.get(i);
            int eq = piece.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = piece.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            parameters.add(new Parameter(name, unquote(piece.substring(eq + 1).strip())));
        }
        return new HeaderParameters(value, parameters);
    }

    /** The value of the parameter named {@code name} as it stands, or null. */
    String get(String name) {
        for (Parameter parameter : parameters) {
            if (parameter.name().equals(name)) {
                return parameter.value();
            }
        }
        return null;
    }

    /**
     * The decoded value of parameter {@code name}: RFC 2231 ({@code name*}, or sections {@code name*0},
     * {@code name*1*}, ...) when present, else the plain value with any RFC 2047 encoded-words decoded (which
     * non-conforming mailers send for file names); null when absent.
     */
    String decoded(String name) {
        String extended = get(name + "*");
        if (extended != null) {
            return decodeExtended(extended);
        }
        if (get(name + "*0") != null || get(name + "*0*") != null) {
            return joinSections(name);
        }
        String plain = get(name);
        return plain == null ? null : EncodedWords.decode(plain);
    }

    private String joinSections(String name) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String charset = null;
        for (int i = 0; i < MAX_SECTIONS; i++) {
            String encoded = get(name + "*" + i + "*");
            String plain = encoded == null ? get(name + "*" + i) : null;
            if (encoded == null && plain == null) {
                break;
            }
            if (encoded != null) {
                String text = encoded;
                if (i == 0) {
                    int q1 = text.indexOf('\'');
                    int q2 = q1 < 0 ? -1 : text.indexOf('\'', q1 + 1);
                    if (q2 >= 0) {
                        charset = text.substring(0, q1);
                        text = text.substring(q2 + 1);
                    }
                }
                percentDecode(text, bytes);
            } else {
                bytes.writeBytes(plain.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return Charsets.decode(bytes.toByteArray(), charset == null || charset.isEmpty() ? "utf-8" : charset);
    }

    private static String decodeExtended(String text) {
        String cs = null;
        String rest = text;
        int q1 = text.indexOf('\'');
        int q2 = q1 < 0 ? -1 : text.indexOf('\'', q1 + 1);
        if (q2 >= 0) {
            cs = text.substring(0, q1);
            rest = text.substring(q2 + 1);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        percentDecode(rest, bytes);
        return Charsets.decode(bytes.toByteArray(), cs == null || cs.isEmpty() ? "utf-8" : cs);
    }

    private static void percentDecode(String text, ByteArrayOutputStream out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%'
                    && i + 2 < text.length()
                    && EncodedWords.hex(text.charAt(i + 1)) >= 0
                    && EncodedWords.hex(text.charAt(i + 2)) >= 0) {
                out.write(EncodedWords.hex(text.charAt(i + 1)) * 16 + EncodedWords.hex(text.charAt(i + 2)));
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                out.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    /** Splits at semicolons outside quoted strings. */
    private static List<String> split(String header) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (quoted && c == '\\' && i + 1 < header.length()) {
                current.append(c).append(header.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                pieces.add(current.toString());
                current.setLength(0);
                if (pieces.size() > MAX_PARAMETERS) {
                    return pieces;
                }
            } else {
                current.append(c);
            }
        }
        pieces.add(current.toString());
        return pieces;
    }

    private static String unquote(String value) {
        if (!value.startsWith("\"")) {
            int comment = value.indexOf('(');
            return comment < 0 ? value : value.substring(0, comment).strip();
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                out.append(value.charAt(++i));
            } else if (c == '"') {
                break;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
