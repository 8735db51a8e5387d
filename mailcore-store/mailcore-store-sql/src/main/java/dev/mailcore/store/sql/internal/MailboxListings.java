/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql.internal;

import dev.mailcore.api.EmailId;
import dev.mailcore.api.FlagListing;
import dev.mailcore.api.Flags;
import dev.mailcore.api.UidSet;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whole-mailbox reads that return one entry per message (UID lists, flag listings), in plain JDBC on the
 * transaction's connection. At 100,000 rows jOOQ's record per row costs more than the query itself, so these read
 * the result set column by column into primitive arrays. Each is one statement on {@code mc_message}'s indexes
 * (one per 100 UID ranges for a scattered set), streamed with a fetch size so PostgreSQL does not buffer the whole
 * result.
 */
final class MailboxListings {
    /** Rows per round trip while streaming (PostgreSQL streams only with a fetch size, inside a transaction). */
    static final int FETCH_SIZE = 5_000;

    /** UID ranges per statement, as in {@link SqlReader#messages}. */
    private static final int RANGES_PER_QUERY = 100;

    private static final String UIDS =
            "SELECT uid FROM mc_message WHERE account_id = ? AND mailbox_id = ? ORDER BY uid";

    private static final String FLAGS = "SELECT m.uid, m.modseq, m.deleted, e.keywords FROM mc_message m"
            + " JOIN mc_email e ON e.account_id = m.account_id AND e.email_id = m.email_id"
            + " WHERE m.account_id = ? AND m.mailbox_id = ? AND m.modseq > ? AND (%s)"
            + " ORDER BY m.uid";

    /**
     * The order of {@code MetadataReader.emailsByArrival}; {@code %s} is the collation that compares ids as Java
     * does (PostgreSQL's default collation may not). The database still sorts the mailbox, but it returns only the
     * page, and no email's summary is read or decoded.
     */
    private static final String BY_ARRIVAL = "SELECT m.email_id FROM mc_message m"
            + " JOIN mc_email e ON e.account_id = m.account_id AND e.email_id = m.email_id"
            + " WHERE m.account_id = ? AND m.mailbox_id = ?"
            + " ORDER BY e.received_sec DESC, e.received_nano DESC, m.email_id%s"
            + " LIMIT ? OFFSET ?";

    private MailboxListings() {}

    static List<EmailId> emailsByArrival(
            Connection c, boolean postgres, String account, String mailbox, int position, int limit)
            throws SQLException {
        List<EmailId> out = new ArrayList<>();
        if (limit == 0) {
            return out;
        }
        try (PreparedStatement s = c.prepareStatement(BY_ARRIVAL.formatted(postgres ? " COLLATE \"C\"" : ""))) {
            s.setFetchSize(Math.min(limit, FETCH_SIZE));
            s.setString(1, account);
            s.setString(2, mailbox);
            s.setInt(3, limit);
            s.setInt(4, position);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(EmailId.of(rs.getString(1)));
                }
            }
        }
        return out;
    }

    static long[] uids(Connection c, String account, String mailbox) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UIDS)) {
            s.setFetchSize(FETCH_SIZE);
            s.setString(1, account);
            s.setString(2, mailbox);
            long[] out = new long[1024];
            int n = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, n + (n >> 1) + 1);
                    }
                    out[n++] = rs.getLong(1);
                }
            }
            return n == out.length ? out : Arrays.copyOf(out, n);
        }
    }

    static FlagListing flags(Connection c, String account, String mailbox, UidSet uids, long changedSince)
            throws SQLException {
        FlagListing.Builder out = FlagListing.builder(1024);
        // Few distinct keyword sets recur across a mailbox: parse each once, and share its Flags.
        Map<String, Flags> kept = new HashMap<>();
        Map<String, Flags> deleted = new HashMap<>();
        // Ranges ascend, so statements one after the other give UIDs in order.
        for (int from = 0; from < uids.rangeCount(); from += RANGES_PER_QUERY) {
            int to = Math.min(from + RANGES_PER_QUERY, uids.rangeCount());
            String ranges = String.join(" OR ", Collections.nCopies(to - from, "m.uid BETWEEN ? AND ?"));
            try (PreparedStatement s = c.prepareStatement(FLAGS.formatted(ranges))) {
                s.setFetchSize(FETCH_SIZE);
                s.setString(1, account);
                s.setString(2, mailbox);
                s.setLong(3, changedSince);
                int p = 4;
                for (int r = from; r < to; r++) {
                    s.setLong(p++, uids.rangeStart(r));
                    s.setLong(p++, uids.rangeEnd(r));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        boolean isDeleted = rs.getBoolean(3);
                        String keywords = rs.getString(4);
                        Flags flags = (isDeleted ? deleted : kept)
                                .computeIfAbsent(keywords, k -> new Flags(Rows.keywords(k), isDeleted));
                        out.add(rs.getLong(1), rs.getLong(2), flags);
                    }
                }
            }
        }
        return out.build();
    }
}
