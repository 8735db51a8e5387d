/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal;

import dev.mailcore.api.Account;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.MailStore;
import dev.mailcore.jmap.JmapLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one method call may use: the authenticated account, the store, the limits, the uploads, and the creation ids
 * of the request so far ({@code #creationId} references in later calls).
 */
public record Invocation(
        Account account,
        MailStore store,
        JmapLimits limits,
        Uploads uploads,
        Map<String, String> createdIds,
        List<ImplicitCall> implicitCalls) {

    /** A call a method asks to run right after it, answered with the same call id (RFC 8621 §7.5). */
    public record ImplicitCall(String name, ObjectNode arguments) {}

    public Invocation(
            Account account, MailStore store, JmapLimits limits, Uploads uploads, Map<String, String> createdIds) {
        this(account, store, limits, uploads, createdIds, new ArrayList<>());
    }

    /**
     * The {@code accountId} argument, checked against the authenticated account: one user can never name another
     * account's objects.
     */
    public AccountId accountId(JsonNode args) {
        JsonNode node = args.get("accountId");
        if (node == null || !node.isString()) {
            throw MethodError.invalidArguments("accountId is required");
        }
        if (!node.stringValue().equals(account.id().value())) {
            throw MethodError.accountNotFound();
        }
        return account.id();
    }

    /** The account's state string: one MODSEQ counter stands for every object type. */
    public String state() {
        return Long.toString(store.changes().highestModSeq(account.id()));
    }

    /** An id that may be a {@code #creationId} of an object created earlier in the request. */
    public String resolveId(String id) {
        if (id != null && id.startsWith("#")) {
            String created = createdIds.get(id.substring(1));
            if (created == null) {
                throw MethodError.invalidArguments("unknown creation id " + id);
            }
            return created;
        }
        return id;
    }
}
