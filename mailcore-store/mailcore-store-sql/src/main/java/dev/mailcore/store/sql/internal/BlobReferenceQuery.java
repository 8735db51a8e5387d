/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql.internal;

import dev.mailcore.api.BlobId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Which of some blob ids a table's {@code blob_id} column holds, over all accounts: the question an orphan sweep
 * asks of emails and of queued messages. Both columns are indexed (schema version 5).
 */
public final class BlobReferenceQuery {
    /** Ids per statement: well below every driver's limit on parameters. */
    private static final int CHUNK = 500;

    private BlobReferenceQuery() {}

    /** The ids among {@code candidates} that some row of {@code table} names. */
    public static Set<BlobId> find(DataSource pool, String table, Collection<BlobId> candidates) {
        List<BlobId> ids = new ArrayList<>(new HashSet<>(candidates));
        if (ids.isEmpty()) {
            return Set.of();
        }
        Set<BlobId> found = new HashSet<>();
        try (Connection c = pool.getConnection()) {
            try {
                for (int from = 0; from < ids.size(); from += CHUNK) {
                    List<BlobId> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                    found.addAll(select(c, table, chunk));
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
        return found;
    }

    private static Set<BlobId> select(Connection c, String table, List<BlobId> chunk) throws SQLException {
        String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
        Set<BlobId> found = new HashSet<>();
        try (PreparedStatement select =
                c.prepareStatement("SELECT DISTINCT blob_id FROM " + table + " WHERE blob_id IN (" + marks + ")")) {
            for (int i = 0; i < chunk.size(); i++) {
                select.setString(i + 1, chunk.get(i).value());
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    // CHAR columns come back padded on some databases.
                    found.add(BlobId.of(rs.getString(1).strip()));
                }
            }
        }
        return found;
    }
}
