/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One SMTP reply: a code, an RFC 3463 enhanced status code (null only where RFC 2034 leaves it out: the greeting,
 * the EHLO reply and the 3xx intermediate replies) and one or more lines of text.
 */
public record Reply(int code, String status, List<String> lines) {
    public Reply {
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a reply needs a line");
        }
    }

    public static Reply of(int code, String status, String text) {
        return new Reply(code, status, List.of(text));
    }

    /** Whether the reply refuses the command (4xx or 5xx). */
    public boolean isError() {
        return code >= 400;
    }

    /** The reply on the wire, every line ended by CRLF. */
    public ByteBuffer encode() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            sb.append(code).append(i == lines.size() - 1 ? ' ' : '-');
            if (status != null) {
                sb.append(status).append(' ');
            }
            sb.append(lines.get(i)).append("\r\n");
        }
        return ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
