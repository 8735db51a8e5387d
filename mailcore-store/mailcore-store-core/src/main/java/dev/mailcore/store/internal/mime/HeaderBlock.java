/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The header of one entity (message or body part): its fields in order, unfolded, and where the body starts.
 *
 * <p>The header ends at the first empty line, as Angus Mail reads it, and the body starts after that line; without
 * an empty line the header runs to the end of the entity and the body is empty. One deliberate difference: when a
 * message's first line is not a header field at all (no {@code name:}), the message has no header and all of it is
 * body, so that the text of a header-less message is still found by search.
 *
 * <p>Fields are kept up to {@value #MAX_KEPT_BYTES} octets (or the caller's smaller budget) and {@value #MAX_FIELDS}
 * fields per header; the rest is still scanned (to find the body) but not kept.
 */
record HeaderBlock(List<HeaderField> fields, long bodyStart) {
    static final int MAX_KEPT_BYTES = 256 * 1024;
    static final int MAX_FIELDS = 2000;

    HeaderBlock {
        fields = List.copyOf(fields);
    }

    /** One header field: the name as written and the value unfolded and trimmed, 8-bit octets read as UTF-8. */
    record HeaderField(String name, String value) {}

    /** Roughly the octets this header keeps in memory, for the caller's budget. */
    int keptBytes() {
        int total = 0;
        for (HeaderField field : fields) {
            total += field.name().length() + field.value().length() + 1;
        }
        return total;
    }

    /** The value of the first field named {@code name} (case-insensitive), or null. */
    String first(String name) {
        for (HeaderField field : fields) {
            if (field.name().equalsIgnoreCase(name)) {
                return field.value();
            }
        }
        return null;
    }

    /**
     * Reads the header that starts at {@code start}, treating {@code limit} as the end of the entity.
     *
     * @param message whether the entity is a message (top-level or encapsulated), which may lack a header; a body
     *     part's header always runs to its empty line, as the multipart splitter assumed when it looked for the part's
     *     end
     */
    static HeaderBlock read(ByteWindow window, long start, long limit, boolean message, int budget) {
        int maxKept = Math.min(MAX_KEPT_BYTES, Math.max(0, budget));
        if (start >= limit) {
            return new HeaderBlock(List.of(), limit);
        }
        long firstEnd = window.lineEnd(start, limit);
        if (message && firstEnd > start && !looksLikeField(window, start, firstEnd)) {
            return new HeaderBlock(List.of(), start);
        }
        List<HeaderField> fields = new ArrayList<>();
        ByteArrayOutputStream current = null;
        int kept = 0;
        long p = start;
        while (p < limit) {
            long end = window.lineEnd(p, limit);
            long next = window.afterTerminator(end, limit);
            if (end == p) {
                addField(fields, current);
                return new HeaderBlock(fields, next);
            }
            int first = window.get(p);
            boolean continuation = first == ' ' || first == '\t';
            if (!continuation) {
                addField(fields, current);
                current = fields.size() < MAX_FIELDS && kept < maxKept ? new ByteArrayOutputStream() : null;
            }
            if (current != null) {
                int room = maxKept - kept;
                int n = (int) Math.min(room, end - p);
                if (n > 0) {
                    current.writeBytes(window.bytes(p, p + n));
                    kept += n;
                }
            }
            p = next;
        }
        addField(fields, current);
        return new HeaderBlock(fields, limit);
    }

    private static void addField(List<HeaderField> fields, ByteArrayOutputStream raw) {
        if (raw == null) {
            return;
        }
        byte[] bytes = raw.toByteArray();
        int colon = -1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon <= 0) {
            return; // Not a field (mbox "From " line, garbage): Angus ignores it too.
        }
        String name = new String(bytes, 0, colon, java.nio.charset.StandardCharsets.ISO_8859_1).trim();
        if (name.isEmpty()) {
            return;
        }
        String value = Charsets.utf8OrLatin1(bytes, colon + 1, bytes.length - colon - 1)
                .strip();
        fields.add(new HeaderField(name, value));
    }

    private static boolean looksLikeField(ByteWindow window, long start, long end) {
        long limit = Math.min(end, start + 1000);
        if (startsWith(window, start, limit, "From ") || startsWith(window, start, limit, ">From ")) {
            return true;
        }
        for (long p = start; p < limit; p++) {
            int b = window.get(p);
            if (b == ':') {
                return p > start;
            }
            if (b <= ' ' || b >= 127) {
                // Allow "Name :" (space before the colon), which real mail has.
                long q = p;
                while (q < limit && (window.get(q) == ' ' || window.get(q) == '\t')) {
                    q++;
                }
                return q > start && q < limit && window.get(q) == ':' && p > start;
            }
        }
        return false;
    }

    private static boolean startsWith(ByteWindow window, long start, long limit, String prefix) {
        if (limit - start < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (window.get(start + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
