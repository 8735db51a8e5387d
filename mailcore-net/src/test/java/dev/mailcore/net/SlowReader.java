/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.net;

import java.io.IOException;
import java.io.InputStream;

/** A client that reads at most 4 KiB at a time and yields between reads, so the server's writes find the socket full. */
public final class SlowReader extends InputStream {
    private final InputStream in;

    public SlowReader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Thread.yield();
        return in.read(b, off, Math.min(len, 4096));
    }
}
