/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

import dev.mailcore.api.message.BodyPart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/** Test helpers: spool and extract a message written as text, and read back the bytes of a span. */
final class Messages {
    private Messages() {}

    /** Lines joined with CRLF, each line terminated. */
    static String crlf(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    static ExtractedMessage extract(String message, Path tempDir) {
        return extract(message.getBytes(StandardCharsets.UTF_8), tempDir);
    }

    static ExtractedMessage extract(byte[] message, Path tempDir) {
        try (SpooledMessage spooled =
                SpooledMessage.spool(new ByteArrayInputStream(message), Long.MAX_VALUE, 1 << 20, tempDir)) {
            return MimeExtractor.extractOrThrow(spooled);
        }
    }

    static String body(String message, BodyPart part) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        return new String(
                Arrays.copyOfRange(
                        bytes, (int) part.span().bodyStart(), (int) part.span().end()),
                StandardCharsets.UTF_8);
    }

    static String header(String message, BodyPart part) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        return new String(
                Arrays.copyOfRange(bytes, (int) part.span().headerStart(), (int)
                        part.span().bodyStart()),
                StandardCharsets.UTF_8);
    }

    static BodyPart.Multipart multipart(BodyPart part) {
        return (BodyPart.Multipart) part;
    }
}
