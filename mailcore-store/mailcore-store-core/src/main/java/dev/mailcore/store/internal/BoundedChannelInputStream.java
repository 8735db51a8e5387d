/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Streams at most {@code length} bytes of a file from {@code offset}; owns and closes the channel. */
public final class BoundedChannelInputStream extends InputStream {
    private final FileChannel channel;
    private long position;
    private long remaining;

    public BoundedChannelInputStream(FileChannel channel, long offset, long length) {
        this.channel = channel;
        this.position = offset;
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (remaining <= 0) {
            return -1;
        }
        int wanted = (int) Math.min(len, remaining);
        int n = channel.read(ByteBuffer.wrap(buffer, off, wanted), position);
        if (n <= 0) {
            remaining = 0;
            return -1;
        }
        position += n;
        remaining -= n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long size = channel.size();
        long skipped = Math.max(0, Math.min(n, Math.min(remaining, size - position)));
        position += skipped;
        remaining -= skipped;
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, Math.min(remaining, channel.size() - position)));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
