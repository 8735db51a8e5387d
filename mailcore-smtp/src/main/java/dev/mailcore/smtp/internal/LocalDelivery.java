/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.smtp.internal;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.MailException;
import dev.mailcore.api.MailStore;
import dev.mailcore.api.QuotaUsage;
import dev.mailcore.net.Literal;
import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a received message into the INBOX of each recipient's account, once per account, with the trace header
 * fields in front, through the store's {@link dev.mailcore.api.Deliveries} so its delivery rules (the vacation
 * auto-reply) apply. Each delivery is durable when it returns, so a 250 built from the result is never premature.
 */
public final class LocalDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(LocalDelivery.class);
    private static final Reply DELIVERED = Reply.of(250, "2.0.0", "Delivered");

    private final MailStore store;

    public LocalDelivery(MailStore store) {
        this.store = store;
    }

    /** Delivers; returns one reply per recipient, in their order. */
    public List<Reply> deliver(String sender, List<Recipient> recipients, Literal content, TraceHeaders trace) {
        Map<AccountId, Reply> byAccount = new HashMap<>();
        List<Reply> replies = new ArrayList<>(recipients.size());
        for (Recipient recipient : recipients) {
            replies.add(byAccount.computeIfAbsent(
                    recipient.account(), account -> deliverTo(account, sender, content, trace, recipients)));
        }
        return replies;
    }

    private Reply deliverTo(
            AccountId account, String sender, Literal content, TraceHeaders trace, List<Recipient> all) {
        List<Recipient> theirs =
                all.stream().filter(r -> r.account().equals(account)).toList();
        byte[] header = trace.forRecipients(theirs).encode();
        try {
            store.deliveries()
                    .deliver(
                            account, sender, new SequenceInputStream(new ByteArrayInputStream(header), content.open()));
            return DELIVERED;
        } catch (MailException e) {
            LOG.info("delivery {} to account {} failed: {}", trace.id(), account, e.toString());
            if (e.reason() == ErrorReason.OVER_QUOTA && fitsAnEmptyMailbox(account, header.length + content.size())) {
                return Reply.of(452, "4.2.2", "Mailbox full; try again later");
            }
            return Replies.of(e);
        }
    }

    /**
     * Whether the message would fit once the user deleted mail: then a full mailbox is a temporary failure (RFC 3463
     * X.2.2) and the sender retries, while a message larger than the whole quota is refused for good (552 5.2.2).
     */
    private boolean fitsAnEmptyMailbox(AccountId account, long size) {
        try {
            QuotaUsage quota = store.quotas().usage(account);
            return (!quota.hasStorageLimit() || size <= quota.storageLimit())
                    && (!quota.hasMessageLimit() || quota.messageLimit() >= 1);
        } catch (MailException e) {
            return false;
        }
    }
}
