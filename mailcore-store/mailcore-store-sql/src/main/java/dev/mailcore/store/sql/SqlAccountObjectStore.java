/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.sql;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.spi.AccountObjectStore;
import dev.mailcore.store.sql.internal.SqlErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An {@link AccountObjectStore} in the database of a {@link SqlMetadataStore} (migration {@code V8__jmap_objects.sql}).
 *
 * <pre>{@code
 * SqlMetadataStore store = SqlMetadataStore.h2(dataDir);
 * AccountObjectStore objects = new SqlAccountObjectStore(store);
 * }</pre>
 *
 * <p>A write first raises the type's state row, which locks it: writes to one type of one account run one after the
 * other, on one node or many, and a write that finds nothing to do rolls the raise back. Destroyed objects stay as
 * tombstone rows so changes since an old state can name them.
 */
public final class SqlAccountObjectStore implements AccountObjectStore {
    private static final String COLUMNS = "object_id, body, created_state, changed_state";

    private final SqlMetadataStore store;

    public SqlAccountObjectStore(SqlMetadataStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection c = store.writePool().getConnection()) {
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    @Override
    public long state(AccountId account, String type) {
        return inTransaction(c -> currentState(c, account, type));
    }

    private static long currentState(Connection c, AccountId account, String type) throws SQLException {
        try (PreparedStatement select =
                c.prepareStatement("SELECT state FROM mc_object_state WHERE account_id = ? AND object_type = ?")) {
            select.setString(1, account.value());
            select.setString(2, type);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    @Override
    public List<StoredObject> list(AccountId account, String type) {
        return inTransaction(c -> select(c, account, type, null));
    }

    @Override
    public Optional<StoredObject> get(AccountId account, String type, String id) {
        Objects.requireNonNull(id, "id");
        return inTransaction(c -> select(c, account, type, id).stream().findFirst());
    }

    private static List<StoredObject> select(Connection c, AccountId account, String type, String id)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM mc_object WHERE account_id = ?"
                + " AND object_type = ? AND destroyed = FALSE" + (id == null ? "" : " AND object_id = ?")
                + " ORDER BY created_state")) {
            select.setString(1, account.value());
            select.setString(2, type);
            if (id != null) {
                select.setString(3, id);
            }
            List<StoredObject> result = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    result.add(new StoredObject(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
                }
            }
            return result;
        }
    }

    @Override
    public long put(AccountId account, String type, String id, String body) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
        return inTransaction(c -> {
            long state = raiseState(c, account, type);
            try (PreparedStatement update = c.prepareStatement("UPDATE mc_object SET body = ?, changed_state = ?,"
                    + " created_state = CASE WHEN destroyed THEN ? ELSE created_state END, destroyed = FALSE"
                    + " WHERE account_id = ? AND object_type = ? AND object_id = ?")) {
                update.setString(1, body);
                update.setLong(2, state);
                update.setLong(3, state);
                update.setString(4, account.value());
                update.setString(5, type);
                update.setString(6, id);
                if (update.executeUpdate() > 0) {
                    return state;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO mc_object (account_id, object_type,"
                    + " object_id, body, created_state, changed_state, destroyed) VALUES (?, ?, ?, ?, ?, ?, FALSE)")) {
                insert.setString(1, account.value());
                insert.setString(2, type);
                insert.setString(3, id);
                insert.setString(4, body);
                insert.setLong(5, state);
                insert.setLong(6, state);
                insert.executeUpdate();
            }
            return state;
        });
    }

    @Override
    public OptionalLong destroy(AccountId account, String type, String id) {
        Objects.requireNonNull(id, "id");
        return inTransaction(c -> {
            long state = raiseState(c, account, type);
            try (PreparedStatement update = c.prepareStatement("UPDATE mc_object SET destroyed = TRUE,"
                    + " changed_state = ? WHERE account_id = ? AND object_type = ? AND object_id = ?"
                    + " AND destroyed = FALSE")) {
                update.setLong(1, state);
                update.setString(2, account.value());
                update.setString(3, type);
                update.setString(4, id);
                if (update.executeUpdate() == 0) {
                    c.rollback();
                    return OptionalLong.empty();
                }
            }
            return OptionalLong.of(state);
        });
    }

    /** Deletes rows outright, tombstones too; it leaves the state row alone, so it takes no lock on the type. */
    @Override
    public int forget(AccountId account, String type, Collection<String> ids) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(type, "type");
        if (ids.isEmpty()) {
            return 0;
        }
        return inTransaction(c -> {
            int live = 0;
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM mc_object"
                    + " WHERE account_id = ? AND object_type = ? AND object_id = ? AND destroyed = ?")) {
                for (boolean destroyed : new boolean[] {false, true}) {
                    for (String id : ids) {
                        delete.setString(1, account.value());
                        delete.setString(2, type);
                        delete.setString(3, Objects.requireNonNull(id, "id"));
                        delete.setBoolean(4, destroyed);
                        int deleted = delete.executeUpdate();
                        if (!destroyed) {
                            live += deleted;
                        }
                    }
                }
            }
            return live;
        });
    }

    /** Adds one to the type's state, creating its row at the first write; the row stays locked until commit. */
    private static long raiseState(Connection c, AccountId account, String type) throws SQLException {
        Objects.requireNonNull(type, "type");
        for (int attempt = 0; ; attempt++) {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE mc_object_state SET state = state + 1" + " WHERE account_id = ? AND object_type = ?")) {
                update.setString(1, account.value());
                update.setString(2, type);
                if (update.executeUpdate() > 0) {
                    return currentState(c, account, type);
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO mc_object_state (account_id, object_type, state) VALUES (?, ?, 1)")) {
                insert.setString(1, account.value());
                insert.setString(2, type);
                insert.executeUpdate();
                return 1;
            } catch (SQLException e) {
                // Another writer created the row first: raise the row it made.
                if (attempt > 0 || !SqlErrors.isUniqueViolation(e)) {
                    throw e;
                }
                c.rollback();
            }
        }
    }

    @Override
    public Optional<ObjectChanges> changesSince(AccountId account, String type, long since) {
        return inTransaction(c -> {
            long now = currentState(c, account, type);
            if (since < 0 || since > now) {
                return Optional.empty();
            }
            List<String> created = new ArrayList<>();
            List<String> updated = new ArrayList<>();
            List<String> destroyed = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT object_id, created_state, destroyed FROM"
                    + " mc_object WHERE account_id = ? AND object_type = ? AND changed_state > ?"
                    + " ORDER BY changed_state")) {
                select.setString(1, account.value());
                select.setString(2, type);
                select.setLong(3, since);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        boolean existedBefore = rs.getLong(2) <= since;
                        if (rs.getBoolean(3)) {
                            if (existedBefore) {
                                destroyed.add(rs.getString(1));
                            }
                        } else {
                            (existedBefore ? updated : created).add(rs.getString(1));
                        }
                    }
                }
            }
            return Optional.of(new ObjectChanges(created, updated, destroyed, now));
        });
    }
}
