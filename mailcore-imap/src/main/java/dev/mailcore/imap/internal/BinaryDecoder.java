/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.imap.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Undoes a part's Content-Transfer-Encoding for BINARY (RFC 3516). It reads the part's stored bytes as a stream, so a
 * large attachment is never held whole; the decoded size needs a first pass, the content a second.
 */
public final class BinaryDecoder {
    /** A transfer encoding the server cannot undo: {@code NO [UNKNOWN-CTE]}. */
    public static final class UnknownEncoding extends RuntimeException {
        UnknownEncoding(String encoding) {
            super("unknown Content-Transfer-Encoding " + encoding);
        }
    }

    /** The decoded size, and whether it holds NUL (then it must be sent as literal8). */
    record Measure(long size, boolean hasNul) {}

    private BinaryDecoder() {}

    /** Fails with {@link UnknownEncoding} unless the encoding is one this decoder undoes. */
    static void check(String encoding) {
        decoder(encoding);
    }

    /** Wraps the raw part bytes in a decoding stream. */
    static InputStream decode(String encoding, InputStream raw) {
        return decoder(encoding).apply(raw);
    }

    static Measure measure(String encoding, Supplier<InputStream> raw) {
        byte[] buffer = new byte[8192];
        long size = 0;
        boolean nul = false;
        try (InputStream in = decode(encoding, raw.get())) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                for (int i = 0; i < n && !nul; i++) {
                    nul = buffer[i] == 0;
                }
                size += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            // Base64 that is not base64: the stored part is broken, not the request.
            throw new UncheckedIOException(new IOException("undecodable part: " + e.getMessage(), e));
        }
        return new Measure(size, nul);
    }

    private static java.util.function.UnaryOperator<InputStream> decoder(String encoding) {
        String name = encoding == null ? "7bit" : encoding.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "7bit", "8bit", "binary", "" -> in -> in;
            case "base64" -> in -> Base64.getMimeDecoder().wrap(in);
            case "quoted-printable" -> QuotedPrintableInputStream::new;
            default -> throw new UnknownEncoding(name);
        };
    }
}
