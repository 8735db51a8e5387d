/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

import dev.mailcore.api.message.BodyPart;
import dev.mailcore.api.message.ByteSpan;
import dev.mailcore.api.message.ContentInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds the {@link BodyPart} tree of a message by streaming over its bytes: every span is exact, every container
 * that cannot be parsed becomes a leaf, and depth and part count are bounded. One parser per message; not
 * thread-safe.
 */
final class StructureParser {
    /** Containers nested deeper than this are reported as leaves. */
    static final int MAX_DEPTH = 32;
    /** Parts beyond this many in one message are left out of the tree. */
    static final int MAX_PARTS = 10_000;

    private static final Set<String> IDENTITY_ENCODINGS = Set.of("7bit", "8bit", "binary");

    /** Header octets kept for the whole message; beyond this, headers are scanned but not kept. */
    static final int MAX_HEADER_BYTES = 8 * 1024 * 1024;

    private final ByteWindow window;
    private int parts;
    private int headerBudget = MAX_HEADER_BYTES;

    StructureParser(ByteWindow window) {
        this.window = window;
    }

    /** A message (or encapsulated message): its header and the structure of its body. */
    record ParsedMessage(HeaderBlock header, BodyPart body) {}

    ParsedMessage message(long start, long end, String section, int depth) {
        HeaderBlock header = readHeader(start, end, true);
        ContentInfo info = ContentInfos.of(header, ContentInfos.TEXT_PLAIN);
        // A message body that is a multipart takes the message's own number; any other body is "N.1" (or "1").
        return new ParsedMessage(header, entity(header, info, start, end, section, child(section, 1), depth));
    }

    /**
     * @param containerSection the section if the entity is parsed as a multipart
     * @param section the section otherwise
     */
    private BodyPart entity(
            HeaderBlock header,
            ContentInfo info,
            long start,
            long end,
            String containerSection,
            String section,
            int depth) {
        parts++;
        ByteSpan span = new ByteSpan(start, header.bodyStart(), end);
        if (info.type().equals("multipart")) {
            BodyPart multipart = depth < MAX_DEPTH ? multipart(info, span, containerSection, depth) : null;
            return multipart != null
                    ? multipart
                    : leaf(section, ContentInfos.asLeaf(info, ContentInfos.TEXT_PLAIN), span);
        }
        if (isMessage(info)) {
            if (!IDENTITY_ENCODINGS.contains(info.encoding())) {
                // An encoded message cannot be located byte for byte; offer it as an opaque leaf.
                return leaf(section, ContentInfos.asLeaf(info, "application/octet-stream"), span);
            }
            if (depth >= MAX_DEPTH) {
                return leaf(section, ContentInfos.asLeaf(info, ContentInfos.TEXT_PLAIN), span);
            }
            ParsedMessage inner = message(span.bodyStart(), end, section, depth + 1);
            return new BodyPart.Message(section, info, span, lines(span), Envelopes.of(inner.header()), inner.body());
        }
        return leaf(section, info, span);
    }

    private BodyPart multipart(ContentInfo info, ByteSpan span, String section, int depth) {
        String boundary = parameter(info, "boundary");
        List<MultipartSplitter.Range> ranges =
                MultipartSplitter.split(window, span.bodyStart(), span.end(), boundary, Math.max(0, MAX_PARTS - parts));
        if (ranges.isEmpty()) {
            return null;
        }
        String childDefault = info.subtype().equals("digest") ? ContentInfos.MESSAGE_RFC822 : ContentInfos.TEXT_PLAIN;
        List<BodyPart> children = new ArrayList<>(ranges.size());
        for (int i = 0; i < ranges.size() && parts < MAX_PARTS; i++) {
            MultipartSplitter.Range range = ranges.get(i);
            HeaderBlock header = readHeader(range.start(), range.end(), false);
            ContentInfo childInfo = ContentInfos.of(header, childDefault);
            String number = child(section, i + 1);
            children.add(entity(header, childInfo, range.start(), range.end(), number, number, depth + 1));
        }
        return new BodyPart.Multipart(section, info, span, children);
    }

    private HeaderBlock readHeader(long start, long end, boolean message) {
        HeaderBlock header = HeaderBlock.read(window, start, end, message, headerBudget);
        headerBudget -= header.keptBytes();
        return header;
    }

    private BodyPart leaf(String section, ContentInfo info, ByteSpan span) {
        long lines = info.type().equals("text") ? lines(span) : 0;
        return new BodyPart.Single(section, info, span, lines);
    }

    /** The number of lines of a body: its LF count, plus one for a last line without a line break. */
    private long lines(ByteSpan span) {
        long count = 0;
        int last = -1;
        for (long p = span.bodyStart(); p < span.end(); p++) {
            last = window.get(p);
            if (last == '\n') {
                count++;
            }
        }
        return last == -1 || last == '\n' ? count : count + 1;
    }

    static boolean isMessage(ContentInfo info) {
        return info.type().equals("message")
                && (info.subtype().equals("rfc822") || info.subtype().equals("global"));
    }

    private static String parameter(ContentInfo info, String name) {
        for (var parameter : info.parameters()) {
            if (parameter.name().equals(name)) {
                return parameter.value();
            }
        }
        return null;
    }

    private static String child(String section, int number) {
        return section.isEmpty() ? Integer.toString(number) : section + "." + number;
    }
}
