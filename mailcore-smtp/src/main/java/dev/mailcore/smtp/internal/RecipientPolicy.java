/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp.internal;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.MailException;
import dev.mailcore.api.spi.Directory;
import java.util.Optional;

/**
 * Decides RCPT TO: local addresses are resolved by the directory (aliases, sub-addressing and catch-all are its
 * job); other domains are refused, because no outbound queue exists yet, and for unauthenticated clients because the
 * server is never an open relay.
 */
public final class RecipientPolicy {
    /** The outcome: an account, or the reply that refuses the address. */
    public sealed interface Decision {
        record Accept(AccountId account) implements Decision {}

        record Refuse(Reply reply) implements Decision {}
    }

    private final Directory directory;

    public RecipientPolicy(Directory directory) {
        this.directory = directory;
    }

    public Decision decide(String address, boolean authenticated) {
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? null : address.substring(at + 1);
        try {
            if (domain != null && !directory.isLocalDomain(domain)) {
                return new Decision.Refuse(
                        authenticated
                                ? Reply.of(
                                        550,
                                        "5.7.1",
                                        "Relaying to other domains is not available: this server has no outbound"
                                                + " queue yet")
                                : Reply.of(550, "5.7.1", "Relaying denied"));
            }
            Optional<AccountId> account = directory.resolveRecipient(address);
            return account.<Decision>map(Decision.Accept::new)
                    .orElseGet(() -> new Decision.Refuse(Reply.of(550, "5.1.1", "No such user here")));
        } catch (MailException e) {
            return new Decision.Refuse(Replies.of(e));
        }
    }
}
