/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

/**
 * The services protocol engines call: everything a client can do with the mail of an account. Implemented by the
 * mailbox engine in {@code mailcore-store-core} over the storage SPIs; protocol engines see only this interface.
 *
 * <p>Callers authenticate first and pass the authenticated {@link AccountId}; every id in a call is checked against
 * that account, so one account can never name another's objects. Methods block and are safe to call from many
 * threads; protocol engines call them from virtual threads. Failures a client can be told about are
 * {@link MailException}s.
 *
 * <pre>{@code
 * MailStore store = ...;
 * Mailbox inbox = store.mailboxes().byPath(account, "INBOX").orElseThrow();
 * AppendResult added = store.messages().append(account, inbox.id(), AppendRequest.of(in));
 * }</pre>
 */
public interface MailStore extends AutoCloseable {
    Mailboxes mailboxes();

    Messages messages();

    Contents contents();

    Changes changes();

    Quotas quotas();

    MessageSearch search();

    /** Final delivery of received mail; by default a plain append to the INBOX. */
    default Deliveries deliveries() {
        return Deliveries.toInbox(this);
    }

    /** Subscribes to changes of one account; the listener runs on a thread of the event bus and must not block. */
    Subscription subscribe(AccountId account, java.util.function.Consumer<AccountChanged> listener);

    /** Releases caches and threads of the engine; the SPIs it was given are closed by their owner. */
    @Override
    void close();
}
