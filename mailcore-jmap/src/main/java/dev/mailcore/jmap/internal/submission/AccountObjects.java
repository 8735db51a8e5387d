/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.jmap.internal.submission;

import dev.mailcore.api.Account;
import dev.mailcore.api.spi.AccountObjectStore;
import dev.mailcore.jmap.internal.Json;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Objects of one JMAP type per account (identities, submissions) as JSON in the {@link AccountObjectStore}, whose
 * state counter per account and type is the type's state string.
 */
public final class AccountObjects {
    /** The id of the identity made from the account's primary address. */
    public static final String PRIMARY = "primary";

    /** A snapshot of the changes after a state. */
    public record Delta(List<String> created, List<String> updated, List<String> destroyed, long state) {}

    private final AccountObjectStore store;
    private final String type;
    private final String idPrefix;
    private final boolean primaryIdentity;
    private final SecureRandom random = new SecureRandom();

    private AccountObjects(AccountObjectStore store, String type, String idPrefix, boolean primaryIdentity) {
        this.store = store;
        this.type = type;
        this.idPrefix = idPrefix;
        this.primaryIdentity = primaryIdentity;
    }

    /**
     * Identities: every account has one for its primary address that cannot be deleted. It is stored only once
     * changed; until then it is made from the account.
     */
    public static AccountObjects identities(AccountObjectStore store) {
        return new AccountObjects(store, "Identity", "I", true);
    }

    public static AccountObjects submissions(AccountObjectStore store) {
        return new AccountObjects(store, "EmailSubmission", "S", false);
    }

    public long state(Account account) {
        return store.state(account.id(), type);
    }

    /** The live objects, in creation order; the primary identity first, as the account's first. */
    public List<ObjectNode> list(Account account) {
        List<ObjectNode> result = new ArrayList<>();
        List<AccountObjectStore.StoredObject> stored = store.list(account.id(), type);
        if (primaryIdentity) {
            result.add(get(account, PRIMARY));
        }
        stored.stream().filter(o -> !primaryIdentity || !o.id().equals(PRIMARY)).forEach(o -> result.add(parse(o)));
        return result;
    }

    public ObjectNode get(Account account, String id) {
        Optional<AccountObjectStore.StoredObject> stored = store.get(account.id(), type, id);
        if (stored.isPresent()) {
            return parse(stored.get());
        }
        return primaryIdentity && id.equals(PRIMARY) ? primary(account) : null;
    }

    /** Stores a new object under a fresh id and answers the id. */
    public String create(Account account, ObjectNode object) {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        String id = idPrefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.put(account.id(), type, id, object.deepCopy().put("id", id).toString());
        return id;
    }

    public void replace(Account account, String id, ObjectNode object) {
        store.put(account.id(), type, id, object.toString());
    }

    public void destroy(Account account, String id) {
        store.destroy(account.id(), type, id);
    }

    /** What changed after {@code since}; null when {@code since} is not a state this account had. */
    public Delta changesSince(Account account, long since) {
        return store.changesSince(account.id(), type, since)
                .map(c -> {
                    List<String> created = new ArrayList<>(c.created());
                    List<String> updated = new ArrayList<>(c.updated());
                    // The primary identity always existed: its first write is an update to the client.
                    if (primaryIdentity && created.remove(PRIMARY)) {
                        updated.add(PRIMARY);
                    }
                    return new Delta(created, updated, c.destroyed(), c.newState());
                })
                .orElse(null);
    }

    private static ObjectNode primary(Account account) {
        return IdentityJson.blank(PRIMARY, account.primaryAddress(), false);
    }

    private static ObjectNode parse(AccountObjectStore.StoredObject stored) {
        return (ObjectNode) Json.MAPPER.readTree(stored.body());
    }
}
