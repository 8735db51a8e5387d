/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql.internal;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A byte range of a chunked blob, fetching one chunk per query as it is read. No connection is held between reads,
 * so a slow reader never pins one of the pool's connections.
 */
public final class ChunkInputStream extends InputStream {
    private final DataSource pool;
    private final String uploadId;
    private final int chunkSize;
    private long position;
    private final long end;
    private byte[] chunk;
    private long chunkStart;

    /** Bytes {@code [from, end)} of the upload's chunks, each {@code chunkSize} long but the last. */
    public ChunkInputStream(DataSource pool, String uploadId, int chunkSize, long from, long end) {
        this.pool = pool;
        this.uploadId = uploadId;
        this.chunkSize = chunkSize;
        this.position = from;
        this.end = end;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position >= end) {
            return -1;
        }
        if (chunk == null || position >= chunkStart + chunk.length) {
            fetch(position / chunkSize);
        }
        int from = (int) (position - chunkStart);
        int n = (int) Math.min(Math.min(length, chunk.length - from), end - position);
        System.arraycopy(chunk, from, buffer, offset, n);
        position += n;
        return n;
    }

    @Override
    public long skip(long n) {
        long skipped = Math.max(0, Math.min(n, end - position));
        position += skipped;
        return skipped;
    }

    @Override
    public int available() {
        return chunk == null ? 0 : (int) Math.max(0, Math.min(chunkStart + chunk.length, end) - position);
    }

    private void fetch(long chunkNo) throws IOException {
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement select =
                    c.prepareStatement("SELECT chunk FROM mc_blob_chunk WHERE upload_id = ? AND chunk_no = ?")) {
                select.setString(1, uploadId);
                select.setInt(2, Math.toIntExact(chunkNo));
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw new IOException("the blob was deleted while it was being read");
                    }
                    chunk = rs.getBytes(1);
                    chunkStart = chunkNo * chunkSize;
                }
            } finally {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IOException("cannot read a blob chunk", e);
        }
    }
}
