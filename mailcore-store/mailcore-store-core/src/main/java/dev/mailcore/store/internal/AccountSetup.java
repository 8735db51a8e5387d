/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.ChangeKind;
import dev.mailcore.api.MailboxRole;
import dev.mailcore.api.spi.MailboxRecord;
import java.util.List;

/**
 * Gives an account its INBOX (and the configured special-use mailboxes) on first use, so every account a directory
 * knows works without a provisioning step. Remembers which accounts are done to keep the check off hot paths.
 */
public final class AccountSetup {
    /** A mailbox created with every new account. */
    public record DefaultMailbox(String name, MailboxRole role) {}

    private final EngineContext context;
    private final Transactions transactions;
    private final List<DefaultMailbox> defaults;
    private final Cache<AccountId, Boolean> provisioned =
            Caffeine.newBuilder().maximumSize(100_000).build();

    public AccountSetup(EngineContext context, Transactions transactions, List<DefaultMailbox> defaults) {
        this.context = context;
        this.transactions = transactions;
        this.defaults = List.copyOf(defaults);
    }

    public void ensure(AccountId account) {
        Transactions.requireAccount(account);
        if (provisioned.getIfPresent(account) != null) {
            return;
        }
        boolean hasInbox =
                transactions.read(account, r -> r.mailboxes().stream().anyMatch(m -> m.role() == MailboxRole.INBOX));
        if (!hasInbox) {
            transactions.write(account, (tx, recorder) -> {
                if (tx.mailboxes().stream().anyMatch(m -> m.role() == MailboxRole.INBOX)) {
                    return null;
                }
                create(tx, recorder, "INBOX", MailboxRole.INBOX);
                for (DefaultMailbox mailbox : defaults) {
                    boolean taken = tx.mailboxes().stream()
                            .anyMatch(m -> m.parentId() == null && m.name().equals(mailbox.name())
                                    || (mailbox.role() != null && m.role() == mailbox.role()));
                    if (!taken) {
                        create(tx, recorder, mailbox.name(), mailbox.role());
                    }
                }
                return null;
            });
        }
        provisioned.put(account, Boolean.TRUE);
    }

    /** Forgets what is known about an account (after its mailboxes were removed behind the engine's back). */
    public void forget(AccountId account) {
        provisioned.invalidate(account);
    }

    private void create(
            dev.mailcore.api.spi.MetadataTransaction tx, ChangeRecorder recorder, String name, MailboxRole role) {
        long uidValidity = tx.allocateUidValidity(context.clock().instant().getEpochSecond() & 0xFFFF_FFFFL);
        MailboxRecord record = new MailboxRecord(context.ids().newMailboxId(), null, name, role, uidValidity, true, 0);
        tx.insertMailbox(record);
        recorder.mailbox(record.id(), ChangeKind.CREATED);
    }
}
