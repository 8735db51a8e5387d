/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql;

import dev.mailcore.api.BlobId;
import dev.mailcore.api.DsnNotify;
import dev.mailcore.api.DsnReturn;
import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.api.OutboundEnvelope;
import dev.mailcore.api.OutboundRecipient;
import dev.mailcore.api.QueuedMessage;
import dev.mailcore.api.spi.BlobStore;
import dev.mailcore.api.spi.OutboundQueue;
import dev.mailcore.store.sql.internal.BlobReferenceQuery;
import dev.mailcore.store.sql.internal.SqlErrors;
import java.io.InputStream;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An {@link OutboundQueue} in the database of a {@link SqlMetadataStore} (migration {@code V3__outbound_queue.sql}),
 * with the message bytes in a {@link BlobStore}.
 *
 * <pre>{@code
 * SqlMetadataStore store = SqlMetadataStore.h2(dataDir);
 * OutboundQueue queue = new SqlOutboundQueue(store, blobStore, Clock.systemUTC());
 * }</pre>
 *
 * <p>{@link #enqueue} first puts the bytes into the blob store (durable when it returns), then commits the envelope
 * in one transaction, so a message is listed only when both are durable. A blob whose row did not commit stays
 * unreferenced, as blobs of failed appends do. {@link #remove} leaves the blob: blobs are shared by content and
 * reclaimed with the store's other unreferenced blobs. All methods are safe from any thread.
 */
public final class SqlOutboundQueue implements OutboundQueue {
    private final SqlMetadataStore store;
    private final BlobStore blobs;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SqlOutboundQueue(SqlMetadataStore store, BlobStore blobs, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public QueuedMessage enqueue(OutboundEnvelope envelope, InputStream message) {
        Objects.requireNonNull(envelope, "envelope");
        BlobId blob = blobs.put(message);
        // Millisecond precision is what every supported database keeps, so the returned record equals the stored one.
        QueuedMessage entry = new QueuedMessage(
                newId(), envelope, blob, blobs.size(blob), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        try (Connection c = store.writePool().getConnection()) {
            try {
                long seq = insertMessage(c, entry);
                insertRecipients(c, seq, envelope.recipients());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
        return entry;
    }

    private static long insertMessage(Connection c, QueuedMessage entry) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO mc_queue_message (queue_id, sender, dsn_ret, dsn_envid, blob_id, message_size,"
                        + " enqueued_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                new String[] {"queue_seq"})) {
            OutboundEnvelope envelope = entry.envelope();
            insert.setString(1, entry.id());
            insert.setString(2, envelope.sender());
            insert.setString(3, envelope.ret().map(Enum::name).orElse(null));
            insert.setString(4, envelope.envelopeId().orElse(null));
            insert.setString(5, entry.blob().value());
            insert.setLong(6, entry.size());
            insert.setTimestamp(7, Timestamp.from(entry.enqueuedAt()));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void insertRecipients(Connection c, long seq, List<OutboundRecipient> recipients)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO mc_queue_recipient (queue_seq, position,"
                + " address, dsn_notify, dsn_orcpt) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < recipients.size(); i++) {
                OutboundRecipient recipient = recipients.get(i);
                insert.setLong(1, seq);
                insert.setInt(2, i);
                insert.setString(3, recipient.address());
                insert.setString(
                        4,
                        recipient.notifyOn().isEmpty()
                                ? null
                                : recipient.notifyOn().stream()
                                        .sorted()
                                        .map(Enum::name)
                                        .collect(Collectors.joining(",")));
                insert.setString(5, recipient.originalRecipient().orElse(null));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public List<QueuedMessage> list(int limit) {
        return select("ORDER BY m.queue_seq", limit, null);
    }

    @Override
    public Optional<QueuedMessage> peek(String id) {
        return select("WHERE m.queue_id = ? ORDER BY m.queue_seq", 1, Objects.requireNonNull(id, "id")).stream()
                .findFirst();
    }

    @Override
    public InputStream open(String id) {
        QueuedMessage entry = peek(id).orElseThrow(() -> new MailException(ErrorReason.NOT_FOUND, "not queued: " + id));
        return blobs.open(entry.blob());
    }

    @Override
    public boolean remove(String id) {
        Objects.requireNonNull(id, "id");
        try (Connection c = store.writePool().getConnection()) {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM mc_queue_message WHERE queue_id = ?")) {
                delete.setString(1, id);
                int deleted = delete.executeUpdate();
                c.commit();
                return deleted > 0;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    @Override
    public Set<BlobId> referencedBlobs(Collection<BlobId> candidates) {
        return BlobReferenceQuery.find(store.writePool(), "mc_queue_message", candidates);
    }

    private record Row(
            long seq, String id, String sender, String ret, String envid, String blob, long size, Instant at) {}

    private List<QueuedMessage> select(String where, int limit, String id) {
        if (limit <= 0) {
            return List.of();
        }
        try (Connection c = store.writePool().getConnection()) {
            try {
                Map<Long, Row> rows = new LinkedHashMap<>();
                try (PreparedStatement select = c.prepareStatement(
                        "SELECT m.queue_seq, m.queue_id, m.sender, m.dsn_ret, m.dsn_envid, m.blob_id,"
                                + " m.message_size, m.enqueued_at FROM mc_queue_message m " + where
                                + " FETCH FIRST " + limit + " ROWS ONLY")) {
                    if (id != null) {
                        select.setString(1, id);
                    }
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            rows.put(
                                    rs.getLong(1),
                                    new Row(
                                            rs.getLong(1),
                                            rs.getString(2),
                                            rs.getString(3),
                                            rs.getString(4),
                                            rs.getString(5),
                                            rs.getString(6).strip(),
                                            rs.getLong(7),
                                            rs.getTimestamp(8).toInstant()));
                        }
                    }
                }
                Map<Long, List<OutboundRecipient>> recipients = recipients(c, rows.keySet());
                c.commit();
                List<QueuedMessage> result = new ArrayList<>(rows.size());
                for (Row row : rows.values()) {
                    result.add(new QueuedMessage(
                            row.id(),
                            new OutboundEnvelope(
                                    row.sender(),
                                    recipients.getOrDefault(row.seq(), List.of()),
                                    Optional.ofNullable(row.ret()).map(DsnReturn::valueOf),
                                    Optional.ofNullable(row.envid())),
                            BlobId.of(row.blob()),
                            row.size(),
                            row.at()));
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    private static Map<Long, List<OutboundRecipient>> recipients(Connection c, Set<Long> seqs) throws SQLException {
        Map<Long, List<OutboundRecipient>> result = new LinkedHashMap<>();
        if (seqs.isEmpty()) {
            return result;
        }
        String marks = seqs.stream().map(s -> "?").collect(Collectors.joining(","));
        try (PreparedStatement select = c.prepareStatement("SELECT queue_seq, address, dsn_notify, dsn_orcpt FROM"
                + " mc_queue_recipient WHERE queue_seq IN (" + marks + ") ORDER BY queue_seq, position")) {
            int i = 1;
            for (long seq : seqs) {
                select.setLong(i++, seq);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new OutboundRecipient(
                                    rs.getString(2), notify(rs.getString(3)), Optional.ofNullable(rs.getString(4))));
                }
            }
        }
        return result;
    }

    private static Set<DsnNotify> notify(String column) {
        if (column == null) {
            return Set.of();
        }
        Set<DsnNotify> result = EnumSet.noneOf(DsnNotify.class);
        Arrays.stream(column.split(",")).map(DsnNotify::valueOf).forEach(result::add);
        return result;
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return "q" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
