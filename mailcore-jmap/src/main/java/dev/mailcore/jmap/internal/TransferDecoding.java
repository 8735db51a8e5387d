/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import java.io.ByteArrayOutputStream;
import java.util.Base64;

/** Removes a Content-Transfer-Encoding (RFC 2045 §6) from a part body. */
public final class TransferDecoding {
    private TransferDecoding() {}

    /** The decoded octets; unknown encodings and identity encodings come back unchanged. */
    public static byte[] decode(byte[] body, String encoding) {
        if (encoding == null) {
            return body;
        }
        return switch (encoding) {
            case "base64" -> decodeBase64(body);
            case "quoted-printable" -> decodeQuotedPrintable(body);
            default -> body;
        };
    }

    private static byte[] decodeBase64(byte[] body) {
        try {
            return Base64.getMimeDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            // Broken base64 in the wild: keep what decodes up to the first bad quantum.
            ByteArrayOutputStream clean = new ByteArrayOutputStream();
            for (byte b : body) {
                if (Character.isLetterOrDigit(b) || b == '+' || b == '/') {
                    clean.write(b);
                }
            }
            byte[] chars = clean.toByteArray();
            int usable = chars.length - chars.length % 4;
            return Base64.getDecoder().decode(java.util.Arrays.copyOf(chars, usable));
        }
    }

    private static byte[] decodeQuotedPrintable(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (b != '=') {
                out.write(b);
                continue;
            }
            if (i + 2 < body.length && body[i + 1] == '\r' && body[i + 2] == '\n') {
                i += 2; // soft line break
            } else if (i + 1 < body.length && body[i + 1] == '\n') {
                i += 1;
            } else if (i + 2 < body.length && hex(body[i + 1]) >= 0 && hex(body[i + 2]) >= 0) {
                out.write(hex(body[i + 1]) * 16 + hex(body[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
