/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api.spi;

import dev.mailcore.api.AccountId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Small per-account objects that protocols keep beside the mail: JMAP identities, email submissions and the vacation
 * response. Each object has a type (such as {@code "Identity"}), an id unique within its account and type, and an
 * opaque text body the caller encodes. Every type of every account has its own state counter, so a client can ask what
 * changed since a state, across restarts.
 *
 * <pre>{@code
 * long state = objects.put(account, "Identity", "I7", json);
 * objects.changesSince(account, "Identity", state - 1).orElseThrow().created();   // ["I7"]
 * }</pre>
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>The state of a type starts at 0 and each {@link #put} or {@link #destroy} adds one; each answers the new
 *       state. A put of an id that does not exist (or was destroyed) creates the object, otherwise it replaces the
 *       body.
 *   <li>{@link #destroy} of an id that does not exist answers empty and changes nothing.
 *   <li>{@link #changesSince} reports each id once: created after the state (and still there), updated (existed then
 *       and still does), or destroyed (existed then and is gone). It is empty for a state the type never had.
 *   <li>{@link #list} answers the live objects in the order they were created. Changes are durable when a method
 *       returns (an in-memory store is exempt, and says so); all methods are safe from any number of threads and
 *       never lose an update.
 * </ul>
 *
 * <p>The suite {@code AccountObjectStoreContract} in mailcore-store-core's test-jar checks the above.
 */
public interface AccountObjectStore {
    /**
     * One live object.
     *
     * @param createdState the state its creation produced
     * @param changedState the state its last change produced
     */
    record StoredObject(String id, String body, long createdState, long changedState) {}

    /** What changed in one type after a state, and the state now. */
    record ObjectChanges(List<String> created, List<String> updated, List<String> destroyed, long newState) {
        public ObjectChanges {
            created = List.copyOf(created);
            updated = List.copyOf(updated);
            destroyed = List.copyOf(destroyed);
        }
    }

    /** The current state of a type; 0 when nothing was ever stored. */
    long state(AccountId account, String type);

    /** The live objects of a type, oldest first. */
    List<StoredObject> list(AccountId account, String type);

    Optional<StoredObject> get(AccountId account, String type, String id);

    /** Creates or replaces an object; answers the new state. */
    long put(AccountId account, String type, String id, String body);

    /** Removes an object; answers the new state, or empty when there was none. */
    OptionalLong destroy(AccountId account, String type, String id);

    /**
     * Removes objects of a type for good: no tombstone is left and the state does not change, so
     * {@link #changesSince} never reports them. Meant for bookkeeping types that no client follows (such as who a
     * vacation response answered), which would otherwise grow without end; a client following the type would never
     * learn of the removal. Ids that are not there, live or destroyed, are skipped. Durable when it returns, like
     * {@link #put}.
     *
     * @return how many live objects went
     */
    int forget(AccountId account, String type, Collection<String> ids);

    /** The changes after {@code since}, or empty when the type never had that state. */
    Optional<ObjectChanges> changesSince(AccountId account, String type, long since);
}
