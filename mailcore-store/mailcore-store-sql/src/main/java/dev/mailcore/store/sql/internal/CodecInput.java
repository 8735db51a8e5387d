/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The reading half of {@link SummaryCodec}: a cursor over encoded bytes; running past the end throws {@link IndexOutOfBoundsException}. */
final class CodecInput {
    private final byte[] buf;
    private int pos;

    CodecInput(byte[] buf) {
        this.buf = buf;
    }

    long varlong() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = buf[pos++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint too long");
    }

    int varintInt() {
        long value = varlong();
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("count out of range: " + value);
        }
        return (int) value;
    }

    long zigzag() {
        long raw = varlong();
        return (raw >>> 1) ^ -(raw & 1);
    }

    boolean bool() {
        return buf[pos++] != 0;
    }

    String string() {
        int length = varintInt();
        if (length == 0) {
            return null;
        }
        int chars = length - 1;
        if (chars > buf.length - pos) {
            throw new IllegalArgumentException("string longer than the data");
        }
        char[] out = new char[chars];
        for (int i = 0; i < chars; i++) {
            long c = varlong();
            if (c > Character.MAX_VALUE) {
                throw new IllegalArgumentException("not a UTF-16 unit: " + c);
            }
            out[i] = (char) c;
        }
        return new String(out);
    }

    <T> List<T> list(Supplier<T> element) {
        int count = varintInt();
        if (count > buf.length - pos) {
            throw new IllegalArgumentException("list longer than the data");
        }
        List<T> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(element.get());
        }
        return out;
    }

    boolean atEnd() {
        return pos == buf.length;
    }
}
