/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mailcore.api.AccountId;
import dev.mailcore.api.AppendRequest;
import dev.mailcore.api.AppendResult;
import dev.mailcore.api.CopyResult;
import dev.mailcore.api.Email;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.ErrorReason;
import dev.mailcore.api.ExpungeResult;
import dev.mailcore.api.FlagChange;
import dev.mailcore.api.FlagListing;
import dev.mailcore.api.FlagUpdateResult;
import dev.mailcore.api.MailException;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.MessageMeta;
import dev.mailcore.api.Messages;
import dev.mailcore.api.ThreadId;
import dev.mailcore.api.UidSet;
import dev.mailcore.api.message.MessageSummary;
import dev.mailcore.api.spi.EmailRecord;
import dev.mailcore.api.spi.MailboxRecord;
import dev.mailcore.api.spi.MessageRecord;
import dev.mailcore.api.spi.MetadataReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/** {@link Messages} over the metadata store. */
public final class MessageService implements Messages {
    /** Summaries are immutable, so a cache entry is never stale; the key holds the account so ids never cross. */
    private record SummaryKey(AccountId account, EmailId email) {}

    private final EngineContext context;
    private final Transactions transactions;
    private final AccountSetup setup;
    private final AppendService appends;
    private final MessageMover mover;
    private final MessageRemover remover;
    private final FlagUpdater flags;
    private final Cache<SummaryKey, MessageSummary> summaryCache;

    public MessageService(
            EngineContext context,
            Transactions transactions,
            AccountSetup setup,
            AppendService appends,
            MessageMover mover,
            MessageRemover remover,
            FlagUpdater flags,
            long summaryCacheSize) {
        this.context = context;
        this.transactions = transactions;
        this.setup = setup;
        this.appends = appends;
        this.mover = mover;
        this.remover = remover;
        this.flags = flags;
        this.summaryCache = Caffeine.newBuilder().maximumSize(summaryCacheSize).build();
    }

    @Override
    public AppendResult append(AccountId account, MailboxId mailbox, AppendRequest request) {
        return appendAll(account, mailbox, List.of(request)).get(0);
    }

    @Override
    public List<AppendResult> appendAll(AccountId account, MailboxId mailbox, List<AppendRequest> requests) {
        setup.ensure(account);
        return appends.appendAll(account, mailbox, requests);
    }

    @Override
    public CopyResult copy(AccountId account, MailboxId from, UidSet uids, MailboxId to) {
        return transfer(account, from, uids, to, false);
    }

    @Override
    public CopyResult move(AccountId account, MailboxId from, UidSet uids, MailboxId to) {
        return transfer(account, from, uids, to, true);
    }

    private CopyResult transfer(AccountId account, MailboxId from, UidSet uids, MailboxId to, boolean move) {
        requireUids(uids);
        setup.ensure(account);
        return transactions.write(account, (tx, recorder) -> {
            requireMailbox(tx, from);
            MailboxRecord destination = requireMailbox(tx, to);
            List<MessageRecord> sources = tx.messages(from, uids, 0);
            long[] newUids = move
                    ? mover.move(account, tx, recorder, sources, to)
                    : mover.copy(account, tx, recorder, sources, to);
            UidSet sourceSet =
                    UidSet.of(sources.stream().mapToLong(MessageRecord::uid).toArray());
            return new CopyResult(
                    destination.uidValidity(),
                    sourceSet,
                    newUids,
                    move ? sourceSet : UidSet.empty(),
                    recorder.changedAnything() ? recorder.modSeq() : tx.highestModSeq());
        });
    }

    @Override
    public FlagUpdateResult updateFlags(
            AccountId account, MailboxId mailbox, UidSet uids, FlagChange change, OptionalLong unchangedSince) {
        requireUids(uids);
        if (change == null) {
            throw new MailException(ErrorReason.INVALID_ARGUMENT, "a flag change is required");
        }
        setup.ensure(account);
        return transactions.write(account, (tx, recorder) -> {
            requireMailbox(tx, mailbox);
            return flags.update(tx, recorder, mailbox, uids, change, unchangedSince);
        });
    }

    @Override
    public void updateEmail(
            AccountId account, EmailId email, Set<String> keywords, Set<MailboxId> addTo, Set<MailboxId> removeFrom) {
        setup.ensure(account);
        transactions.write(account, (tx, recorder) -> {
            EmailRecord record = tx.email(email).orElseThrow(() -> emailNotFound(email));
            for (MailboxId mailbox : addTo) {
                requireMailbox(tx, mailbox);
            }
            for (MailboxId mailbox : removeFrom) {
                requireMailbox(tx, mailbox);
            }
            if (keywords != null) {
                flags.setKeywords(tx, recorder, record, keywords);
            }
            Set<MailboxId> current = new LinkedHashSet<>();
            tx.memberships(email).forEach(m -> current.add(m.mailboxId()));
            Instant now = context.clock().instant().truncatedTo(ChronoUnit.SECONDS);
            for (MailboxId mailbox : addTo) {
                if (current.add(mailbox)) {
                    long uid = tx.allocateUids(mailbox, 1);
                    tx.insertMessage(new MessageRecord(mailbox, uid, email, recorder.modSeq(), false, now));
                    recorder.mailboxContent(mailbox);
                    recorder.email(email, record.threadId(), dev.mailcore.api.ChangeKind.UPDATED);
                }
            }
            for (MessageRecord membership : tx.memberships(email)) {
                if (removeFrom.contains(membership.mailboxId()) && !addTo.contains(membership.mailboxId())) {
                    remover.remove(account, tx, recorder, membership);
                }
            }
            return null;
        });
    }

    @Override
    public Set<EmailId> destroy(AccountId account, Collection<EmailId> emails) {
        setup.ensure(account);
        return transactions.write(account, (tx, recorder) -> {
            Set<EmailId> destroyed = new LinkedHashSet<>();
            for (EmailId email : new LinkedHashSet<>(emails)) {
                List<MessageRecord> memberships = tx.memberships(email);
                for (MessageRecord membership : memberships) {
                    remover.remove(account, tx, recorder, membership);
                }
                if (!memberships.isEmpty()) {
                    destroyed.add(email);
                }
            }
            return destroyed;
        });
    }

    @Override
    public ExpungeResult expunge(AccountId account, MailboxId mailbox, UidSet restrictTo) {
        return removeWhere(account, mailbox, restrictTo == null ? UidSet.all() : restrictTo, true);
    }

    @Override
    public ExpungeResult remove(AccountId account, MailboxId mailbox, UidSet uids) {
        requireUids(uids);
        return removeWhere(account, mailbox, uids, false);
    }

    private ExpungeResult removeWhere(AccountId account, MailboxId mailbox, UidSet uids, boolean deletedOnly) {
        setup.ensure(account);
        return transactions.write(account, (tx, recorder) -> {
            requireMailbox(tx, mailbox);
            UidSet.Builder expunged = UidSet.builder();
            for (MessageRecord message : tx.messages(mailbox, uids, 0)) {
                if (message.deleted() || !deletedOnly) {
                    remover.remove(account, tx, recorder, message);
                    expunged.add(message.uid());
                }
            }
            return new ExpungeResult(
                    expunged.build(), recorder.changedAnything() ? recorder.modSeq() : tx.highestModSeq());
        });
    }

    @Override
    public long[] uids(AccountId account, MailboxId mailbox) {
        setup.ensure(account);
        return transactions.readLatest(account, r -> {
            requireMailbox(r, mailbox);
            return r.uids(mailbox);
        });
    }

    @Override
    public UidSet uidRanges(AccountId account, MailboxId mailbox) {
        setup.ensure(account);
        return transactions.readLatest(account, r -> {
            requireMailbox(r, mailbox);
            return r.uidRanges(mailbox);
        });
    }

    @Override
    public List<MessageMeta> list(AccountId account, MailboxId mailbox, UidSet uids) {
        return listChangedSince(account, mailbox, uids, 0);
    }

    @Override
    public List<MessageMeta> listChangedSince(AccountId account, MailboxId mailbox, UidSet uids, long changedSince) {
        requireUids(uids);
        setup.ensure(account);
        return transactions.read(account, r -> {
            requireMailbox(r, mailbox);
            return join(r, r.messages(mailbox, uids, changedSince));
        });
    }

    @Override
    public FlagListing flags(AccountId account, MailboxId mailbox, UidSet uids, long changedSince) {
        requireUids(uids);
        setup.ensure(account);
        return transactions.readLatest(account, r -> {
            requireMailbox(r, mailbox);
            return r.flags(mailbox, uids, changedSince);
        });
    }

    @Override
    public List<MessageMeta> listByPosition(AccountId account, MailboxId mailbox, long first, long last) {
        if (first < 1 || last < first) {
            throw new MailException(ErrorReason.INVALID_ARGUMENT, "positions start at 1 and last >= first");
        }
        setup.ensure(account);
        return transactions.read(account, r -> {
            requireMailbox(r, mailbox);
            long[] uids = r.uids(mailbox);
            if (first > uids.length) {
                return List.of();
            }
            int from = (int) (first - 1);
            int to = (int) Math.min(last, uids.length) - 1;
            return join(r, r.messages(mailbox, UidSet.range(uids[from], uids[to]), 0));
        });
    }

    private static List<MessageMeta> join(MetadataReader r, List<MessageRecord> messages) {
        Map<EmailId, EmailRecord> emails =
                r.emails(messages.stream().map(MessageRecord::emailId).toList());
        List<MessageMeta> out = new ArrayList<>(messages.size());
        for (MessageRecord message : messages) {
            EmailRecord email = emails.get(message.emailId());
            if (email != null) {
                out.add(Metas.of(message, email));
            }
        }
        return out;
    }

    @Override
    public Map<EmailId, MessageSummary> summaries(AccountId account, Collection<EmailId> emails) {
        Map<EmailId, MessageSummary> out = new LinkedHashMap<>();
        List<EmailId> missing = new ArrayList<>();
        for (EmailId email : emails) {
            MessageSummary cached = summaryCache.getIfPresent(new SummaryKey(account, email));
            if (cached != null) {
                out.put(email, cached);
            } else {
                missing.add(email);
            }
        }
        if (!missing.isEmpty()) {
            Map<EmailId, EmailRecord> records = transactions.read(account, r -> r.emails(missing));
            for (EmailId email : missing) {
                EmailRecord record = records.get(email);
                if (record != null) {
                    summaryCache.put(new SummaryKey(account, email), record.summary());
                    out.put(email, record.summary());
                }
            }
        }
        return out;
    }

    @Override
    public Map<EmailId, Email> emails(AccountId account, Collection<EmailId> emails) {
        return transactions.read(account, r -> {
            Map<EmailId, Email> out = new LinkedHashMap<>();
            Map<EmailId, EmailRecord> records = r.emails(emails);
            for (EmailId id : emails) {
                EmailRecord record = records.get(id);
                if (record == null) {
                    continue;
                }
                Map<MailboxId, Long> mailboxes = new HashMap<>();
                long modSeq = record.modSeq();
                for (MessageRecord membership : r.memberships(id)) {
                    mailboxes.put(membership.mailboxId(), membership.uid());
                }
                out.put(
                        id,
                        new Email(
                                id,
                                record.threadId(),
                                record.blobId(),
                                record.size(),
                                record.receivedAt(),
                                record.keywords(),
                                mailboxes,
                                record.summary(),
                                modSeq));
            }
            return out;
        });
    }

    @Override
    public List<EmailId> thread(AccountId account, ThreadId thread) {
        return transactions.read(account, r -> {
            List<EmailId> ids = r.threadEmails(thread);
            if (ids.isEmpty()) {
                throw new MailException(ErrorReason.NOT_FOUND, "no such thread: " + thread);
            }
            Map<EmailId, EmailRecord> records = r.emails(ids);
            return records.values().stream()
                    .sorted(Comparator.comparing(EmailRecord::receivedAt).thenComparing(EmailRecord::id))
                    .map(EmailRecord::id)
                    .toList();
        });
    }

    static MailboxRecord requireMailbox(MetadataReader r, MailboxId mailbox) {
        if (mailbox == null) {
            throw new MailException(ErrorReason.INVALID_ARGUMENT, "mailbox id is required");
        }
        return r.mailbox(mailbox).orElseThrow(() -> MailboxService.notFound(mailbox));
    }

    static void requireUids(UidSet uids) {
        if (uids == null) {
            throw new MailException(ErrorReason.INVALID_ARGUMENT, "a UID set is required");
        }
    }

    static MailException emailNotFound(EmailId email) {
        return new MailException(ErrorReason.EMAIL_NOT_FOUND, "no such email: " + email);
    }
}
