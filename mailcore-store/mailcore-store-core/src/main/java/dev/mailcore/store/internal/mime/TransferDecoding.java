/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal.mime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Undoes a Content-Transfer-Encoding, leniently (bad base64 characters are skipped, a truncated quantum keeps the
 * bytes it has, a bad quoted-printable escape stays as it stands) and with a bound on the output, so that no input
 * makes it fail or allocate without limit.
 */
final class TransferDecoding {
    private static final int[] BASE64 = new int[256];

    static {
        java.util.Arrays.fill(BASE64, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64[alphabet.charAt(i)] = i;
        }
        // The URL-safe alphabet shows up in broken mail; accept it too.
        BASE64['-'] = 62;
        BASE64['_'] = 63;
    }

    private TransferDecoding() {}

    /** Decodes base64 text held in memory (encoded-words). */
    static byte[] base64(byte[] encoded) {
        Base64State state = new Base64State(new ByteArrayOutputStream(encoded.length * 3 / 4 + 3), Integer.MAX_VALUE);
        for (byte b : encoded) {
            state.accept(b & 0xff);
        }
        return state.finish();
    }

    /**
     * Reads {@code in} to its end and returns at most {@code maxBytes} decoded octets.
     *
     * @param encoding a lowercase Content-Transfer-Encoding; unknown encodings are read as they stand
     */
    static byte[] decode(InputStream in, String encoding, int maxBytes) {
        try {
            return switch (encoding) {
                case "base64" -> decodeBase64(in, maxBytes);
                case "quoted-printable" -> decodeQuotedPrintable(in, maxBytes);
                default -> in.readNBytes(maxBytes);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] decodeBase64(InputStream in, int maxBytes) throws IOException {
        Base64State state = new Base64State(new ByteArrayOutputStream(), maxBytes);
        byte[] chunk = new byte[8192];
        int n;
        while (!state.full() && (n = in.read(chunk)) != -1) {
            for (int i = 0; i < n && !state.full(); i++) {
                state.accept(chunk[i] & 0xff);
            }
        }
        return state.finish();
    }

    /** Accumulates sextets; padding and junk are ignored, which also joins base64 that was split by mistake. */
    private static final class Base64State {
        private final ByteArrayOutputStream out;
        private final int max;
        private int bits;
        private int count;

        Base64State(ByteArrayOutputStream out, int max) {
            this.out = out;
            this.max = max;
        }

        void accept(int b) {
            int v = BASE64[b];
            if (v < 0) {
                return;
            }
            bits = (bits << 6) | v;
            count++;
            if (count == 4) {
                write(bits >> 16);
                write(bits >> 8);
                write(bits);
                bits = 0;
                count = 0;
            }
        }

        boolean full() {
            return out.size() >= max;
        }

        private void write(int b) {
            if (out.size() < max) {
                out.write(b & 0xff);
            }
        }

        byte[] finish() {
            if (count == 2) {
                write(bits >> 4);
            } else if (count == 3) {
                write(bits >> 10);
                write(bits >> 2);
            }
            count = 0;
            return out.toByteArray();
        }
    }

    private static byte[] decodeQuotedPrintable(InputStream raw, int maxBytes) throws IOException {
        java.io.PushbackInputStream in = new java.io.PushbackInputStream(new java.io.BufferedInputStream(raw), 256);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int c;
        while (out.size() < maxBytes && (c = in.read()) != -1) {
            if (c != '=') {
                out.write(c);
                continue;
            }
            int h1 = in.read();
            int h2 = h1 == -1 ? -1 : in.read();
            if (h1 != -1 && h2 != -1 && EncodedWords.hex((char) h1) >= 0 && EncodedWords.hex((char) h2) >= 0) {
                out.write(EncodedWords.hex((char) h1) * 16 + EncodedWords.hex((char) h2));
                continue;
            }
            if (h2 != -1) {
                in.unread(h2);
            }
            if (h1 != -1) {
                in.unread(h1);
            }
            if (!skipSoftBreak(in)) {
                out.write('=');
            }
        }
        return out.toByteArray();
    }

    /** Consumes "=" + optional trailing blanks + line break (the soft break of RFC 2045 §6.7), if that is what follows. */
    private static boolean skipSoftBreak(java.io.PushbackInputStream in) throws IOException {
        byte[] seen = new byte[255];
        int n = 0;
        int c = in.read();
        while ((c == ' ' || c == '\t') && n < seen.length - 1) {
            seen[n++] = (byte) c;
            c = in.read();
        }
        if (c == '\n' || c == -1) {
            return true;
        }
        if (c == '\r') {
            int d = in.read();
            if (d != '\n' && d != -1) {
                in.unread(d);
            }
            return true;
        }
        in.unread(c);
        in.unread(seen, 0, n);
        return false;
    }
}
