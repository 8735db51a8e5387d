/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.Change;
import dev.mailcore.api.ChangeKind;
import dev.mailcore.api.ChangeSet;
import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads the account's change log for the {@code /changes} methods (RFC 8620 §5.2). */
public final class ChangeLog {
    private static final int DEFAULT_MAX_CHANGES = 500;

    private ChangeLog() {}

    /** The log after {@code sinceState}, at most {@code maxChanges} operations' worth. */
    public static ChangeSet read(JsonNode args, Invocation invocation, AccountId account) {
        String since = Json.optionalString(args, "sinceState");
        if (since == null) {
            throw MethodError.invalidArguments("sinceState is required");
        }
        long maxChanges = Json.optionalLong(args, "maxChanges", DEFAULT_MAX_CHANGES);
        if (maxChanges < 1) {
            throw MethodError.invalidArguments("maxChanges must be positive");
        }
        long modSeq;
        try {
            modSeq = Long.parseLong(since);
        } catch (NumberFormatException e) {
            throw new MethodError("cannotCalculateChanges", "not a state of this server: " + since);
        }
        try {
            return invocation.store().changes().since(account, modSeq, (int) Math.min(maxChanges, Integer.MAX_VALUE));
        } catch (MailException e) {
            if (e.reason() == ErrorReason.CHANGES_UNAVAILABLE || e.reason() == ErrorReason.INVALID_ARGUMENT) {
                throw new MethodError("cannotCalculateChanges", e.getMessage());
            }
            throw e;
        }
    }

    /**
     * Folds a sequence of changes to one outcome per id: created then destroyed disappears, created then updated
     * stays created, anything then destroyed is destroyed.
     */
    public static final class Fold {
        private final Map<String, ChangeKind> outcome = new LinkedHashMap<>();

        public void add(String id, ChangeKind kind) {
            ChangeKind before = outcome.get(id);
            if (before == null) {
                outcome.put(id, kind);
            } else if (kind == ChangeKind.DESTROYED) {
                if (before == ChangeKind.CREATED) {
                    outcome.put(id, null);
                } else {
                    outcome.put(id, ChangeKind.DESTROYED);
                }
            } else if (before == ChangeKind.DESTROYED && kind == ChangeKind.CREATED) {
                outcome.put(id, ChangeKind.UPDATED);
            }
        }

        public Map<String, ChangeKind> outcome() {
            return outcome;
        }

        /** The response of a {@code /changes} call. */
        public ObjectNode response(AccountId account, long since, ChangeSet set) {
            ObjectNode response = Json.object();
            response.put("accountId", account.value());
            response.put("oldState", Long.toString(since));
            response.put("newState", Long.toString(set.until()));
            response.put("hasMoreChanges", set.hasMore());
            var created = response.putArray("created");
            var updated = response.putArray("updated");
            var destroyed = response.putArray("destroyed");
            outcome.forEach((id, kind) -> {
                if (kind != null) {
                    switch (kind) {
                        case CREATED -> created.add(id);
                        case UPDATED -> updated.add(id);
                        case DESTROYED -> destroyed.add(id);
                    }
                }
            });
            return response;
        }
    }

    /** Whether a change touches mailboxes; a removal of a message also changes its mailbox's counts. */
    public static boolean isMailboxChange(Change change) {
        return change instanceof Change.MailboxChanged;
    }
}
