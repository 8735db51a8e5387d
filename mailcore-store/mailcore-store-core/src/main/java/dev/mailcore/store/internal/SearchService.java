/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.internal;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.MessageSearch;
import dev.mailcore.api.UidSet;
import dev.mailcore.api.message.MessageSummary;
import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.api.search.SortKey;
import dev.mailcore.api.search.ThreadAlgorithm;
import dev.mailcore.api.search.ThreadNode;
import dev.mailcore.api.spi.EmailRecord;
import dev.mailcore.api.spi.MessageRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link MessageSearch}: reads the candidates' metadata in one transaction, asks the index for the content
 * criteria, then filters and sorts. Without a configured index, content criteria match nothing but
 * {@code All}-equivalents; a deployment always configures one (the scan index at least).
 */
public final class SearchService implements MessageSearch {
    private final EngineContext context;
    private final Transactions transactions;
    private final AccountSetup setup;
    private final Indexer indexer;

    public SearchService(EngineContext context, Transactions transactions, AccountSetup setup, Indexer indexer) {
        this.context = context;
        this.transactions = transactions;
        this.setup = setup;
        this.indexer = indexer;
    }

    @Override
    public long[] searchUids(AccountId account, MailboxId mailbox, SearchQuery query, List<SortKey> sort) {
        if (query == null || sort == null) {
            throw new dev.mailcore.api.MailException(
                    dev.mailcore.api.ErrorReason.INVALID_ARGUMENT, "query and sort are required");
        }
        List<SearchCandidate> matching = matchingIn(account, mailbox, query);
        if (!sort.isEmpty()) {
            matching.sort(MessageOrder.of(
                    sort, Comparator.comparingLong(c -> c.membership().uid())));
        }
        return matching.stream().mapToLong(c -> c.membership().uid()).toArray();
    }

    @Override
    public List<ThreadNode> threadUids(
            AccountId account, MailboxId mailbox, SearchQuery query, ThreadAlgorithm algorithm) {
        if (query == null || algorithm == null) {
            throw new dev.mailcore.api.MailException(
                    dev.mailcore.api.ErrorReason.INVALID_ARGUMENT, "query and algorithm are required");
        }
        List<MessageThreads.Item> items = new ArrayList<>();
        for (SearchCandidate c : matchingIn(account, mailbox, query)) {
            MessageSummary summary = c.email().summary();
            List<String> parents = !summary.references().isEmpty()
                    ? summary.references()
                    : summary.inReplyTo().stream().limit(1).toList();
            Instant sent =
                    summary.sentAt() != null ? summary.sentAt() : c.email().receivedAt();
            items.add(new MessageThreads.Item(
                    c.membership().uid(), summary.messageId(), parents, summary.subject(), sent));
        }
        return MessageThreads.thread(items, algorithm);
    }

    /** The messages of a mailbox that match, in UID order. */
    private List<SearchCandidate> matchingIn(AccountId account, MailboxId mailbox, SearchQuery query) {
        setup.ensure(account);
        List<SearchCandidate> candidates = transactions.read(account, r -> {
            MessageService.requireMailbox(r, mailbox);
            UidSet scope = uidScope(query);
            List<MessageRecord> messages = r.messages(mailbox, scope, 0);
            Map<EmailId, EmailRecord> emails =
                    r.emails(messages.stream().map(MessageRecord::emailId).toList());
            List<SearchCandidate> out = new ArrayList<>(messages.size());
            for (MessageRecord message : messages) {
                EmailRecord email = emails.get(message.emailId());
                if (email != null) {
                    out.add(new SearchCandidate(email, message, null));
                }
            }
            return out;
        });
        return filter(account, query, candidates);
    }

    @Override
    public List<EmailId> searchEmails(AccountId account, SearchQuery query, List<SortKey> sort) {
        if (query == null || sort == null) {
            throw new dev.mailcore.api.MailException(
                    dev.mailcore.api.ErrorReason.INVALID_ARGUMENT, "query and sort are required");
        }
        setup.ensure(account);
        boolean needMailboxes = QueryEvaluator.needsMailboxes(query);
        List<SearchCandidate> candidates = transactions.read(account, r -> {
            Map<EmailId, EmailRecord> emails = r.emails(r.emailIds());
            List<SearchCandidate> out = new ArrayList<>(emails.size());
            for (EmailRecord email : emails.values()) {
                Set<MailboxId> mailboxes = null;
                if (needMailboxes) {
                    mailboxes = new HashSet<>();
                    for (MessageRecord membership : r.memberships(email.id())) {
                        mailboxes.add(membership.mailboxId());
                    }
                }
                out.add(new SearchCandidate(email, null, mailboxes));
            }
            return out;
        });
        List<SearchCandidate> matching = filter(account, query, candidates);
        Comparator<SearchCandidate> newestFirst = Comparator.comparing(
                        (SearchCandidate c) -> c.email().receivedAt())
                .reversed()
                .thenComparing(c -> c.email().id());
        matching.sort(
                sort.isEmpty()
                        ? newestFirst
                        : MessageOrder.of(
                                sort, Comparator.comparing(c -> c.email().id())));
        return matching.stream().map(c -> c.email().id()).toList();
    }

    private List<SearchCandidate> filter(AccountId account, SearchQuery query, List<SearchCandidate> candidates) {
        QueryEvaluator evaluator = new QueryEvaluator(context.zone(), content -> contentSearch(account, content));
        List<SearchCandidate> out = new ArrayList<>();
        for (SearchCandidate candidate : candidates) {
            if (evaluator.matches(query, candidate)) {
                out.add(candidate);
            }
        }
        return out;
    }

    /**
     * Asks the index, after the updates queued before this search are in it: so a search never misses a message
     * whose append returned before the search began.
     */
    private Set<EmailId> contentSearch(AccountId account, SearchQuery content) {
        if (context.index() == null) {
            return Set.of();
        }
        indexer.awaitIndexed();
        return context.index().search(account, content);
    }

    /** A top-level UID criterion (alone or in an And) narrows what is read from the store. */
    private static UidSet uidScope(SearchQuery query) {
        if (query instanceof SearchQuery.Uids uids) {
            return uids.uids();
        }
        if (query instanceof SearchQuery.And and) {
            for (SearchQuery q : and.queries()) {
                if (q instanceof SearchQuery.Uids uids) {
                    return uids.uids();
                }
            }
        }
        return UidSet.all();
    }
}
