/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.testing.internal;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.AppendRequest;
import dev.mailcore.api.Change;
import dev.mailcore.api.ChangeKind;
import dev.mailcore.api.ChangeSet;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailException;
import dev.mailcore.api.MailStore;
import dev.mailcore.api.Mailbox;
import dev.mailcore.api.MessageMeta;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The test's view of the store: the messages of the accounts the test knows, in the order they arrived, and the
 * shortcuts that put messages in or take them all out without a protocol in between.
 */
public final class MailFolders {
    private static final int CHANGES_PER_READ = 10_000;

    private final MailStore store;
    private final ArrivalLog arrivals;
    private final Session parser = Session.getInstance(new Properties());

    public MailFolders(MailStore store, ArrivalLog arrivals) {
        this.store = store;
        this.arrivals = arrivals;
    }

    /**
     * Every message of these accounts, an email in several mailboxes of one account once, in arrival order: by
     * when the store announced it, then by account, then by MODSEQ within the account.
     */
    public List<MimeMessage> messages(List<AccountId> accounts) {
        record Arrived(int position, int account, long modSeq, AccountId owner, EmailId email) {}
        List<Arrived> arrived = new ArrayList<>();
        for (int a = 0; a < accounts.size(); a++) {
            AccountId account = accounts.get(a);
            Map<EmailId, Long> created = creationModSeqs(account);
            for (EmailId email : emails(account)) {
                long modSeq = created.getOrDefault(email, 0L);
                int position = arrivals.position(account, modSeq);
                arrived.add(new Arrived(position, a, modSeq, account, email));
            }
        }
        arrived.sort(Comparator.comparingInt(Arrived::position)
                .thenComparingInt(Arrived::account)
                .thenComparingLong(Arrived::modSeq));
        List<MimeMessage> messages = new ArrayList<>(arrived.size());
        for (Arrived a : arrived) {
            messages.add(parse(a.owner(), a.email()));
        }
        return messages;
    }

    /** How many distinct messages these accounts hold; cheaper than {@link #messages}. */
    public int count(List<AccountId> accounts) {
        int count = 0;
        for (AccountId account : accounts) {
            count += emails(account).size();
        }
        return count;
    }

    /** Destroys every message of these accounts; their mailboxes stay. */
    public void purge(List<AccountId> accounts) {
        for (AccountId account : accounts) {
            Set<EmailId> emails = emails(account);
            if (!emails.isEmpty()) {
                store.messages().destroy(account, emails);
            }
        }
    }

    /** Adds {@code content} to the mailbox at {@code path} of {@code account}, creating the mailbox if needed. */
    public void append(AccountId account, String path, byte[] content) {
        Mailbox mailbox = store.mailboxes()
                .byPath(account, path)
                .orElseGet(() -> store.mailboxes().create(account, path, null));
        store.messages().append(account, mailbox.id(), AppendRequest.of(new ByteArrayInputStream(content)));
    }

    private Set<EmailId> emails(AccountId account) {
        Set<EmailId> emails = new LinkedHashSet<>();
        for (Mailbox mailbox : store.mailboxes().list(account)) {
            for (MessageMeta meta : store.messages().listByPosition(account, mailbox.id(), 1, Long.MAX_VALUE)) {
                emails.add(meta.emailId());
            }
        }
        return emails;
    }

    /** The MODSEQ each email was created at, from the account's change log; empty if the log was cut. */
    private Map<EmailId, Long> creationModSeqs(AccountId account) {
        Map<EmailId, Long> created = new HashMap<>();
        try {
            long since = 0;
            ChangeSet changes;
            do {
                changes = store.changes().since(account, since, CHANGES_PER_READ);
                for (Change change : changes.changes()) {
                    if (change instanceof Change.EmailChanged e && e.kind() == ChangeKind.CREATED) {
                        created.putIfAbsent(e.emailId(), e.modSeq());
                    }
                }
                since = changes.until();
            } while (changes.hasMore());
        } catch (MailException e) {
            // A log that no longer reaches back to the start orders by what remains: mailbox order.
            return Map.of();
        }
        return created;
    }

    private MimeMessage parse(AccountId account, EmailId email) {
        try (InputStream in = store.contents().open(account, email)) {
            return new MimeMessage(parser, new ByteArrayInputStream(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("the store holds a message Angus Mail cannot read", e);
        }
    }
}
