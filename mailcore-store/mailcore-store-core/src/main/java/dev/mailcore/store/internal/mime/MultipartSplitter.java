/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the body parts of a multipart body by streaming over its bytes once, following the rules of Angus Mail's
 * {@code MimeMultipart.parse} so both agree on where each part lies:
 *
 * <ul>
 *   <li>The preamble is read line by line; the first line that equals {@code --boundary} (trailing blanks ignored)
 *       starts the first part. Without a boundary parameter, the first line that starts with {@code --} (and is not
 *       a long run of dashes) is taken as the boundary.
 *   <li>A part's header runs to its first empty line; a part whose header reaches the end of the data is dropped.
 *   <li>A delimiter is {@code --boundary} at the start of the part body or right after CR or LF, followed by
 *       {@code --} (the close delimiter: the rest is epilogue) or by optional blanks and a line break. The line break
 *       before it belongs to the delimiter, not to the part.
 *   <li>Without a close delimiter, the last part runs to the end of the data.
 * </ul>
 */
final class MultipartSplitter {
    /** A boundary longer than RFC 2046 allows by this much is still accepted; anything longer is not a boundary. */
    private static final int MAX_BOUNDARY = 998;

    /** Where one part lies: its header starts at {@code start}, and its body ends at {@code end}. */
    record Range(long start, long end) {}

    private MultipartSplitter() {}

    /**
     * @return the parts in order; empty when no opening delimiter was found (not a usable multipart)
     */
    static List<Range> split(ByteWindow window, long from, long limit, String boundaryParameter, int maxParts) {
        byte[] boundary =
                boundaryParameter == null ? null : ("--" + boundaryParameter).getBytes(StandardCharsets.ISO_8859_1);
        if (boundary != null && boundary.length > MAX_BOUNDARY) {
            return List.of();
        }
        // RFC 2046 forbids trailing blanks in a boundary, but they occur; the opening line is compared without them.
        int opening = boundary == null ? 0 : boundary.length;
        while (boundary != null && opening > 2 && isBlank(boundary[opening - 1])) {
            opening--;
        }
        long p = from;
        while (true) {
            if (p >= limit) {
                return List.of();
            }
            long end = window.lineEnd(p, limit);
            long next = window.afterTerminator(end, limit);
            long trimmed = end;
            while (trimmed > p && isBlank(window.get(trimmed - 1))) {
                trimmed--;
            }
            long length = trimmed - p;
            if (boundary != null) {
                if (length == opening && matches(window, p, limit, boundary, opening)) {
                    p = next;
                    break;
                }
                if (length == opening + 2
                        && matches(window, p, limit, boundary, opening)
                        && window.get(trimmed - 1) == '-'
                        && window.get(trimmed - 2) == '-') {
                    return List.of();
                }
            } else if (length > 2
                    && length <= MAX_BOUNDARY
                    && window.get(p) == '-'
                    && window.get(p + 1) == '-'
                    && !(length > 4 && allDashes(window, p, trimmed))) {
                boundary = window.bytes(p, trimmed);
                p = next;
                break;
            }
            p = next;
        }
        return parts(window, p, limit, boundary, maxParts);
    }

    private static List<Range> parts(ByteWindow window, long first, long limit, byte[] boundary, int maxParts) {
        List<Range> parts = new ArrayList<>();
        long p = first;
        while (parts.size() < maxParts) {
            long partStart = p;
            // Skip the part header up to its empty line, as Angus does before it looks for the next delimiter.
            while (true) {
                if (p >= limit) {
                    return parts;
                }
                long lineStart = p;
                long end = window.lineEnd(p, limit);
                p = window.afterTerminator(end, limit);
                if (end == lineStart) {
                    break;
                }
            }
            long scanStart = p;
            long q = scanStart;
            boolean foundDelimiter = false;
            while (q < limit) {
                boolean lineStart = q == scanStart || isEol(window.get(q - 1));
                if (lineStart && matches(window, q, limit, boundary)) {
                    long r = q + boundary.length;
                    int b = window.at(r, limit);
                    if (b == '-' && window.at(r + 1, limit) == '-') {
                        parts.add(new Range(partStart, q - eolLength(window, q, scanStart)));
                        return parts;
                    }
                    while (b == ' ' || b == '\t') {
                        b = window.at(++r, limit);
                    }
                    if (b == '\n' || b == '\r') {
                        long next = b == '\r' && window.at(r + 1, limit) == '\n' ? r + 2 : r + 1;
                        parts.add(new Range(partStart, q - eolLength(window, q, scanStart)));
                        p = next;
                        foundDelimiter = true;
                        break;
                    }
                }
                q = nextLineStart(window, q, limit);
            }
            if (!foundDelimiter) {
                parts.add(new Range(partStart, limit));
                return parts;
            }
        }
        return parts;
    }

    private static long nextLineStart(ByteWindow window, long q, long limit) {
        long p = q;
        int b;
        while (p < limit && (b = window.get(p)) != '\n' && b != '\r') {
            p++;
        }
        return p + 1;
    }

    private static int eolLength(ByteWindow window, long q, long scanStart) {
        if (q == scanStart) {
            return 0;
        }
        int prev = window.get(q - 1);
        if (prev == '\r') {
            return 1;
        }
        if (prev == '\n') {
            return q - 2 >= scanStart && window.get(q - 2) == '\r' ? 2 : 1;
        }
        return 0;
    }

    private static boolean matches(ByteWindow window, long p, long limit, byte[] boundary) {
        return matches(window, p, limit, boundary, boundary.length);
    }

    private static boolean matches(ByteWindow window, long p, long limit, byte[] boundary, int length) {
        if (limit - p < length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (window.get(p + i) != (boundary[i] & 0xff)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allDashes(ByteWindow window, long from, long to) {
        for (long p = from; p < to; p++) {
            if (window.get(p) != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(int b) {
        return b == ' ' || b == '\t';
    }

    private static boolean isEol(int b) {
        return b == '\n' || b == '\r';
    }
}
