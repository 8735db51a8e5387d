/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.AppendResult;
import dev.mailcore.api.Deliveries;
import dev.mailcore.api.MailStore;
import java.io.InputStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Final delivery: the message goes to the INBOX, then the account's vacation response may answer it. The answer is a
 * courtesy: when it fails, the delivery still stands and the failure is logged.
 */
public final class DeliveryService implements Deliveries {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryService.class);

    private final Deliveries inbox;
    private final Optional<VacationResponder> vacation;

    public DeliveryService(MailStore store, Optional<VacationResponder> vacation) {
        this.inbox = Deliveries.toInbox(store);
        this.vacation = vacation;
    }

    @Override
    public AppendResult deliver(AccountId account, String envelopeSender, InputStream content) {
        AppendResult result = inbox.deliver(account, envelopeSender, content);
        vacation.ifPresent(responder -> {
            try {
                responder.respond(account, envelopeSender == null ? "" : envelopeSender, result.emailId());
            } catch (RuntimeException e) {
                LOG.warn("vacation response of account {} to {} failed", account, envelopeSender, e);
            }
        });
        return result;
    }
}
