/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.api;

import java.io.InputStream;

/**
 * Final delivery of received mail: what SMTP, LMTP and JMAP submission call for a local recipient, rather than a plain
 * append, so that delivery rules (such as the vacation auto-reply) apply whichever protocol brought the message.
 *
 * <pre>{@code
 * store.deliveries().deliver(account, "alice@example.org", messageStream);
 * }</pre>
 */
public interface Deliveries {
    /**
     * Stores a message in the account's INBOX, durable when it returns, then applies the account's delivery rules.
     *
     * @param envelopeSender the SMTP reverse path, empty for the null sender {@code <>}
     * @param content the raw message; read to its end and closed
     */
    AppendResult deliver(AccountId account, String envelopeSender, InputStream content);

    /** Delivery as a plain append to the INBOX, without rules. */
    static Deliveries toInbox(MailStore store) {
        return (account, sender, content) -> {
            Mailbox inbox = store.mailboxes()
                    .byPath(account, "INBOX")
                    .orElseThrow(() -> new MailException(ErrorReason.UNAVAILABLE, "The INBOX is missing"));
            return store.messages().append(account, inbox.id(), AppendRequest.of(content));
        };
    }
}
