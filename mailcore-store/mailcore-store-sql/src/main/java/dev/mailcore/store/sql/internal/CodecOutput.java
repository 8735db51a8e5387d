/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql.internal;

import java.util.Arrays;

/** The writing half of {@link SummaryCodec}: a growable byte buffer with the primitive writers. */
final class CodecOutput {
    private byte[] buf = new byte[256];
    private int size;

    void varint(int value) {
        varlong(value & 0xFFFFFFFFL);
    }

    void varlong(long value) {
        while ((value & ~0x7FL) != 0) {
            put((byte) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        put((byte) value);
    }

    void zigzag(long value) {
        varlong((value << 1) ^ (value >> 63));
    }

    void bool(boolean value) {
        put((byte) (value ? 1 : 0));
    }

    void string(String s) {
        if (s == null) {
            varint(0);
            return;
        }
        varint(s.length() + 1);
        for (int i = 0; i < s.length(); i++) {
            varint(s.charAt(i));
        }
    }

    private void put(byte b) {
        if (size == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[size++] = b;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
