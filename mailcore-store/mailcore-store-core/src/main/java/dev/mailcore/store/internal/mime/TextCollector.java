/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

import dev.mailcore.api.message.BodyPart;
import dev.mailcore.api.message.ContentInfo;
import java.io.InputStream;

/**
 * Collects the readable text of a message for the search index and the preview: every text/plain and text/html
 * part, decoded by transfer encoding and charset, HTML reduced to text, in tree order (encapsulated messages
 * included).
 *
 * <p>Bounded: the collected text stops at {@value #MAX_BODY_CHARS} characters, and no more than
 * {@value #MAX_PART_BYTES} decoded octets of one part are read, so a huge message costs a bounded amount of memory.
 */
final class TextCollector {
    /** The most characters of body text kept for the index (1 Mi). */
    static final int MAX_BODY_CHARS = 1 << 20;
    /** The most decoded octets read from one part. */
    static final int MAX_PART_BYTES = 4 << 20;
    /** The preview length of {@code MessageSummary#preview}. */
    static final int PREVIEW_CHARS = 256;

    private final SpooledMessage message;
    private final StringBuilder body = new StringBuilder();
    private String firstPlain;
    private String firstHtml;

    TextCollector(SpooledMessage message) {
        this.message = message;
    }

    void collect(BodyPart part) {
        switch (part) {
            case BodyPart.Multipart m -> m.parts().forEach(this::collect);
            case BodyPart.Message m -> collect(m.body());
            case BodyPart.Single s -> single(s);
        }
    }

    String body() {
        return body.toString();
    }

    /** The first text/plain part, else the first HTML part, whitespace collapsed, at most 256 characters. */
    String preview() {
        String text = firstPlain != null ? firstPlain : firstHtml;
        if (text == null) {
            return "";
        }
        String collapsed = collapse(text, PREVIEW_CHARS + 1).replace('\n', ' ');
        if (collapsed.length() <= PREVIEW_CHARS) {
            return collapsed;
        }
        int cut = PREVIEW_CHARS;
        if (Character.isHighSurrogate(collapsed.charAt(cut - 1))) {
            cut--;
        }
        return collapsed.substring(0, cut);
    }

    private void single(BodyPart.Single part) {
        ContentInfo info = part.content();
        boolean plain = info.mediaType().equals("text/plain");
        boolean html = info.mediaType().equals("text/html");
        if (!plain && !html) {
            return;
        }
        boolean attachment = "attachment".equals(info.disposition());
        boolean wantPreview = !attachment && (plain ? firstPlain == null : firstHtml == null);
        int room = MAX_BODY_CHARS - body.length();
        if (room <= 0 && !wantPreview) {
            return;
        }
        String text = decode(part, html);
        if (html) {
            text = HtmlText.toText(text);
        }
        if (wantPreview && !text.isBlank()) {
            String head = text.length() > 4 * PREVIEW_CHARS ? text.substring(0, 4 * PREVIEW_CHARS) : text;
            if (plain) {
                firstPlain = head;
            } else {
                firstHtml = head;
            }
        }
        if (room > 0 && !text.isBlank()) {
            if (!body.isEmpty()) {
                body.append('\n');
                room--;
            }
            String squeezed = collapse(text, room);
            body.append(squeezed, 0, Math.min(squeezed.length(), Math.max(room, 0)));
        }
    }

    private String decode(BodyPart.Single part, boolean html) {
        long start = part.span().bodyStart();
        long end = part.span().end();
        try (InputStream raw = new SpooledSharedInputStream(message).newStream(start, end)) {
            byte[] bytes = TransferDecoding.decode(raw, part.content().encoding(), MAX_PART_BYTES);
            String charset = part.content().charset();
            if (html && charset == null) {
                charset = HtmlCharset.sniff(bytes);
            }
            return Charsets.decode(bytes, charset);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Collapses runs of blanks to one space and runs of line breaks to one line break, keeping at most {@code max}
     * characters.
     */
    static String collapse(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), Math.max(max, 0)));
        boolean space = false;
        boolean newline = false;
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                newline = true;
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
            } else {
                if (!out.isEmpty() && (newline || space)) {
                    out.append(newline ? '\n' : ' ');
                }
                newline = false;
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }
}
