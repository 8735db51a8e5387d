/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

import java.util.Locale;
import java.util.Map;

/**
 * Reduces HTML to the text a reader sees, for the search index and the preview: tags and comments removed, script
 * and style content dropped, block elements turned into line breaks, character references decoded. A single pass with
 * no DOM, so it is linear in the input and tolerant of any markup.
 */
final class HtmlText {
    private static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("amp", "&"),
            Map.entry("lt", "<"),
            Map.entry("gt", ">"),
            Map.entry("quot", "\""),
            Map.entry("apos", "'"),
            Map.entry("nbsp", " "),
            Map.entry("copy", "©"),
            Map.entry("reg", "®"),
            Map.entry("trade", "™"),
            Map.entry("hellip", "…"),
            Map.entry("mdash", "—"),
            Map.entry("ndash", "–"),
            Map.entry("lsquo", "‘"),
            Map.entry("rsquo", "’"),
            Map.entry("ldquo", "“"),
            Map.entry("rdquo", "”"),
            Map.entry("laquo", "«"),
            Map.entry("raquo", "»"),
            Map.entry("bull", "•"),
            Map.entry("middot", "·"),
            Map.entry("euro", "€"),
            Map.entry("pound", "£"),
            Map.entry("yen", "¥"),
            Map.entry("cent", "¢"),
            Map.entry("sect", "§"),
            Map.entry("deg", "°"),
            Map.entry("times", "×"),
            Map.entry("divide", "÷"),
            Map.entry("auml", "ä"),
            Map.entry("ouml", "ö"),
            Map.entry("uuml", "ü"),
            Map.entry("Auml", "Ä"),
            Map.entry("Ouml", "Ö"),
            Map.entry("Uuml", "Ü"),
            Map.entry("szlig", "ß"),
            Map.entry("eacute", "é"),
            Map.entry("egrave", "è"),
            Map.entry("ecirc", "ê"),
            Map.entry("aacute", "á"),
            Map.entry("agrave", "à"),
            Map.entry("acirc", "â"),
            Map.entry("iacute", "í"),
            Map.entry("oacute", "ó"),
            Map.entry("uacute", "ú"),
            Map.entry("ccedil", "ç"),
            Map.entry("ntilde", "ñ"),
            Map.entry("Eacute", "É"),
            Map.entry("zwnj", ""),
            Map.entry("shy", ""));

    private static final java.util.Set<String> BLOCKS = java.util.Set.of(
            "br",
            "p",
            "div",
            "tr",
            "li",
            "ul",
            "ol",
            "table",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "pre",
            "hr",
            "title",
            "section",
            "article",
            "header",
            "footer");

    private HtmlText() {}

    static String toText(String html) {
        StringBuilder out = new StringBuilder(Math.min(html.length(), 1 << 16));
        int i = 0;
        int n = html.length();
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                i = tag(html, i, out);
            } else if (c == '&') {
                i = entity(html, i, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int tag(String html, int start, StringBuilder out) {
        if (html.startsWith("<!--", start)) {
            int close = html.indexOf("-->", start + 4);
            return close < 0 ? html.length() : close + 3;
        }
        int nameStart = start + 1;
        boolean closing = nameStart < html.length() && html.charAt(nameStart) == '/';
        if (closing) {
            nameStart++;
        }
        int nameEnd = nameStart;
        while (nameEnd < html.length() && nameEnd - nameStart < 20 && Character.isLetterOrDigit(html.charAt(nameEnd))) {
            nameEnd++;
        }
        if (nameEnd == nameStart && !closing && (nameStart >= html.length() || html.charAt(nameStart) != '!')) {
            out.append('<'); // A lone "<" in text, as in "a < b".
            return start + 1;
        }
        String name = html.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
        int close = html.indexOf('>', nameEnd);
        int after = close < 0 ? html.length() : close + 1;
        if (!closing && (name.equals("script") || name.equals("style"))) {
            int end = indexOfIgnoreCase(html, "</" + name, after);
            if (end < 0) {
                return html.length();
            }
            int endClose = html.indexOf('>', end);
            return endClose < 0 ? html.length() : endClose + 1;
        }
        out.append(BLOCKS.contains(name) ? '\n' : ' ');
        return after;
    }

    private static int entity(String html, int start, StringBuilder out) {
        int semi = -1;
        for (int j = start + 1; j < html.length() && j - start <= 10; j++) {
            if (html.charAt(j) == ';') {
                semi = j;
                break;
            }
        }
        if (semi < 0) {
            out.append('&');
            return start + 1;
        }
        String name = html.substring(start + 1, semi);
        String decoded = null;
        if (name.startsWith("#")) {
            try {
                int code = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                        ? Integer.parseInt(name.substring(2), 16)
                        : Integer.parseInt(name.substring(1));
                if (Character.isValidCodePoint(code) && code != 0) {
                    decoded = Character.toString(code);
                }
            } catch (NumberFormatException e) {
                decoded = null;
            }
        } else {
            decoded = ENTITIES.get(name);
            if (decoded == null) {
                decoded = ENTITIES.get(name.toLowerCase(Locale.ROOT));
            }
        }
        if (decoded == null) {
            out.append('&');
            return start + 1;
        }
        out.append(decoded);
        return semi + 1;
    }

    private static int indexOfIgnoreCase(String s, String needle, int from) {
        int max = s.length() - needle.length();
        for (int i = from; i <= max; i++) {
            if (s.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }
}
