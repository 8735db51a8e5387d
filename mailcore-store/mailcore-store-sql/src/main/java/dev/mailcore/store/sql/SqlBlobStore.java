/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql;

import dev.mailcore.api.BlobId;
import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.api.spi.BlobStore;
import dev.mailcore.api.spi.StoredBlob;
import dev.mailcore.store.sql.internal.ChunkInputStream;
import dev.mailcore.store.sql.internal.SqlErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;

/**
 * A {@link BlobStore} in the database of a {@link SqlMetadataStore} (schema version 6), for small deployments that
 * want one database and nothing on the file system besides it.
 *
 * <pre>{@code
 * SqlMetadataStore metadata = SqlMetadataStore.h2(dataDir);
 * BlobStore blobs = new SqlBlobStore(metadata, Clock.systemUTC());
 * }</pre>
 *
 * <p>Content is cut into chunks of 256 KiB in a plain binary column ({@code BYTEA}, which both H2 and PostgreSQL
 * accept), rather than H2 BLOBs or PostgreSQL large objects: one schema serves both databases, a put streams one
 * chunk at a time, a read fetches one chunk per query without holding a connection, a byte range fetches only the
 * chunks it covers, and deleting a blob deletes rows (PostgreSQL large objects would outlive their rows unless
 * unlinked separately). A put writes the chunks and the blob's row in one transaction, so a failed put leaves
 * nothing; storing existing bytes again refreshes the blob's stored time instead. {@link #deleteIfStoredBefore}
 * locks the blob's row, so it is atomic with puts from any process. Closing the store does nothing: the connection
 * pool belongs to the metadata store.
 */
public final class SqlBlobStore implements BlobStore {
    private static final int CHUNK_SIZE = 256 * 1024;
    private static final int LIST_PAGE = 1_000;

    private final SqlMetadataStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SqlBlobStore(SqlMetadataStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private record Row(String uploadId, long size) {}

    @Override
    public BlobId put(InputStream content) {
        Objects.requireNonNull(content, "content");
        String upload = newUploadId();
        BlobId id = null;
        try (Connection c = pool().getConnection()) {
            try {
                MessageDigest digest = sha256();
                long size = writeChunks(c, upload, content, digest);
                id = BlobId.ofDigest(digest.digest());
                long now = micros(clock.instant());
                if (refresh(c, id, now)) {
                    delete(c, "DELETE FROM mc_blob_chunk WHERE upload_id = ?", upload);
                } else {
                    try (PreparedStatement insert = c.prepareStatement(
                            "INSERT INTO mc_blob (blob_id, upload_id, blob_size, stored_at) VALUES (?, ?, ?, ?)")) {
                        insert.setString(1, id.value());
                        insert.setString(2, upload);
                        insert.setLong(3, size);
                        insert.setLong(4, now);
                        insert.executeUpdate();
                    }
                }
                c.commit();
                return id;
            } catch (SQLException e) {
                c.rollback();
                if (id != null && SqlErrors.isUniqueViolation(e)) {
                    // A concurrent put of the same bytes committed first: the blob is there; make it young.
                    refresh(c, id, micros(clock.instant()));
                    c.commit();
                    return id;
                }
                throw e;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    private long writeChunks(Connection c, String upload, InputStream content, MessageDigest digest)
            throws SQLException {
        long size = 0;
        byte[] buffer = new byte[CHUNK_SIZE];
        try (PreparedStatement insert =
                c.prepareStatement("INSERT INTO mc_blob_chunk (upload_id, chunk_no, chunk) VALUES (?, ?, ?)")) {
            for (int chunkNo = 0; ; chunkNo++) {
                int n = content.readNBytes(buffer, 0, CHUNK_SIZE);
                if (n == 0 && chunkNo > 0) {
                    return size;
                }
                digest.update(buffer, 0, n);
                insert.setString(1, upload);
                insert.setInt(2, chunkNo);
                insert.setBytes(3, n == CHUNK_SIZE ? buffer : Arrays.copyOf(buffer, n));
                insert.executeUpdate();
                size += n;
                if (n < CHUNK_SIZE) {
                    return size;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the blob's content", e);
        }
    }

    /** Sets the stored time of an existing blob; false when there is none. */
    private static boolean refresh(Connection c, BlobId id, long now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE mc_blob SET stored_at = ? WHERE blob_id = ?")) {
            update.setLong(1, now);
            update.setString(2, id.value());
            return update.executeUpdate() > 0;
        }
    }

    @Override
    public boolean exists(BlobId id) {
        return row(id) != null;
    }

    @Override
    public long size(BlobId id) {
        return require(id).size();
    }

    @Override
    public InputStream open(BlobId id) {
        return open(id, 0, Long.MAX_VALUE);
    }

    @Override
    public InputStream open(BlobId id, long offset, long length) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must not be negative");
        }
        Row row = require(id);
        long from = Math.min(offset, row.size());
        long end = length > row.size() - from ? row.size() : from + length;
        return new ChunkInputStream(pool(), row.uploadId(), CHUNK_SIZE, from, end);
    }

    @Override
    public void delete(BlobId id) {
        deleteWhere(id, Long.MAX_VALUE);
    }

    @Override
    public boolean deleteIfStoredBefore(BlobId id, Instant cutoff) {
        return deleteWhere(id, micros(cutoff));
    }

    private boolean deleteWhere(BlobId id, long storedBefore) {
        Objects.requireNonNull(id, "id");
        try (Connection c = pool().getConnection()) {
            try {
                String upload = null;
                try (PreparedStatement select =
                        c.prepareStatement("SELECT upload_id, stored_at FROM mc_blob WHERE blob_id = ? FOR UPDATE")) {
                    select.setString(1, id.value());
                    try (ResultSet rs = select.executeQuery()) {
                        if (rs.next() && rs.getLong(2) < storedBefore) {
                            upload = rs.getString(1).strip();
                        }
                    }
                }
                if (upload != null) {
                    delete(c, "DELETE FROM mc_blob WHERE blob_id = ?", id.value());
                    delete(c, "DELETE FROM mc_blob_chunk WHERE upload_id = ?", upload);
                }
                c.commit();
                return upload != null;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    private static void delete(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(sql)) {
            delete.setString(1, key);
            delete.executeUpdate();
        }
    }

    /** Pages through the blobs by id, one query per page, so the list is never held whole. */
    @Override
    public Stream<StoredBlob> list() {
        store.requireOpen();
        Iterator<StoredBlob> pages = new Iterator<>() {
            private List<StoredBlob> page = List.of();
            private int next;
            private String after = "";
            private boolean last;

            @Override
            public boolean hasNext() {
                if (next < page.size()) {
                    return true;
                }
                if (last) {
                    return false;
                }
                page = page(after);
                next = 0;
                last = page.size() < LIST_PAGE;
                if (!page.isEmpty()) {
                    after = page.getLast().id().value();
                }
                return !page.isEmpty();
            }

            @Override
            public StoredBlob next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.get(next++);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.NONNULL), false);
    }

    private List<StoredBlob> page(String after) {
        try (Connection c = pool().getConnection()) {
            try (PreparedStatement select =
                    c.prepareStatement("SELECT blob_id, stored_at FROM mc_blob WHERE blob_id > ?"
                            + " ORDER BY blob_id FETCH FIRST " + LIST_PAGE + " ROWS ONLY")) {
                select.setString(1, after);
                List<StoredBlob> page = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        page.add(new StoredBlob(
                                BlobId.of(rs.getString(1).strip()),
                                Instant.EPOCH.plus(rs.getLong(2), ChronoUnit.MICROS)));
                    }
                }
                return page;
            } finally {
                c.commit();
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    @Override
    public void close() {
        // The connection pool belongs to the metadata store.
    }

    private Row require(BlobId id) {
        Row row = row(id);
        if (row == null) {
            throw new MailException(ErrorReason.NOT_FOUND, "no such blob: " + id);
        }
        return row;
    }

    private Row row(BlobId id) {
        Objects.requireNonNull(id, "id");
        try (Connection c = pool().getConnection()) {
            try (PreparedStatement select =
                    c.prepareStatement("SELECT upload_id, blob_size FROM mc_blob WHERE blob_id = ?")) {
                select.setString(1, id.value());
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? new Row(rs.getString(1).strip(), rs.getLong(2)) : null;
                }
            } finally {
                c.commit();
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    private DataSource pool() {
        return store.writePool();
    }

    private String newUploadId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
