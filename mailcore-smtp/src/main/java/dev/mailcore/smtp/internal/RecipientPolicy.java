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
 * job); other domains are accepted for the outbound queue from authenticated clients only, so the server is never
 * an open relay. In capture mode every address is accepted, the local ones with their account.
 */
public final class RecipientPolicy {
    /** The outcome: an account (null for a recipient that is not local), or the reply that refuses the address. */
    public sealed interface Decision {
        record Accept(AccountId account) implements Decision {}

        record Refuse(Reply reply) implements Decision {}
    }

    private final Directory directory;
    private final boolean canRelay;
    private final boolean capture;

    public RecipientPolicy(Directory directory, boolean canRelay, boolean capture) {
        this.directory = directory;
        this.canRelay = canRelay;
        this.capture = capture;
    }

    public Decision decide(String address, boolean authenticated) {
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? null : address.substring(at + 1);
        try {
            if (domain != null && !directory.isLocalDomain(domain)) {
                if (capture) {
                    return new Decision.Accept(null);
                }
                if (!authenticated) {
                    return new Decision.Refuse(Reply.of(550, "5.7.1", "Relaying denied"));
                }
                return canRelay
                        ? new Decision.Accept(null)
                        : new Decision.Refuse(Reply.of(
                                550, "5.7.1", "Relaying to other domains is not available: no outbound queue"));
            }
            Optional<AccountId> account = directory.resolveRecipient(address);
            if (account.isEmpty() && capture) {
                return new Decision.Accept(null);
            }
            return account.<Decision>map(Decision.Accept::new)
                    .orElseGet(() -> new Decision.Refuse(Reply.of(550, "5.1.1", "No such user here")));
        } catch (MailException e) {
            return capture ? new Decision.Accept(null) : new Decision.Refuse(Replies.of(e));
        }
    }
}
