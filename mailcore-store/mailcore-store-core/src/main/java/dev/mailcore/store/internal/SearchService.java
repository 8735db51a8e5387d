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
import dev.mailcore.api.search.EmailPage;
import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.api.search.SortField;
import dev.mailcore.api.search.SortKey;
import dev.mailcore.api.search.ThreadAlgorithm;
import dev.mailcore.api.search.ThreadNode;
import dev.mailcore.api.spi.ArrivalOrder;
import dev.mailcore.api.spi.EmailRecord;
import dev.mailcore.api.spi.MessageRecord;
import dev.mailcore.api.spi.MetadataReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link MessageSearch}: reads the candidates' metadata in one transaction, asks the index for the content
 * criteria, then filters and sorts. Without a configured index, content criteria match nothing but
 * {@code All}-equivalents; a deployment always configures one (the scan index at least).
 */
public final class SearchService implements MessageSearch {
    /**
     * Up to how many index hits a mailbox search reads the hits' memberships one by one instead of the whole
     * mailbox: one small read per hit against one read of every message.
     */
    private static final int FEW_HITS = 64;

    private static final List<SortKey> NEWEST_FIRST = List.of(SortKey.descending(SortField.ARRIVAL));

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
        List<SearchCandidate> matching = matchingIn(account, mailbox, query, !sort.isEmpty());
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
        for (SearchCandidate c : matchingIn(account, mailbox, query, true)) {
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

    /**
     * The messages of a mailbox that match, in UID order.
     *
     * @param needEmails whether the caller reads the candidates' emails (to sort or thread); when the index answers
     *     the whole query they are read only then, since reading every email of a large mailbox costs more than the
     *     search
     */
    private List<SearchCandidate> matchingIn(
            AccountId account, MailboxId mailbox, SearchQuery query, boolean needEmails) {
        setup.ensure(account);
        IndexQueries queries = queries(true);
        UidSet scope = uidScope(query);
        SearchQuery rest = withoutUids(query);
        // Only with a content criterion: a search of UIDs or flags alone never depends on the index being complete.
        if (queries.delegable(rest) && IndexQueries.hasContent(rest)) {
            // An index that keeps mailboxes narrows to this one itself; other hits are account-wide.
            SearchQuery asked = queries.metadata() ? SearchQuery.and(new SearchQuery.InMailbox(mailbox), rest) : rest;
            Set<EmailId> hits = contentSearch(account, queries.forIndex(asked));
            if (hits.size() <= FEW_HITS) {
                return hitsIn(account, mailbox, scope, hits, needEmails);
            }
            return transactions.read(account, r -> {
                MessageService.requireMailbox(r, mailbox);
                List<MessageRecord> messages = new ArrayList<>();
                for (MessageRecord message : r.messages(mailbox, scope, 0)) {
                    if (hits.contains(message.emailId())) {
                        messages.add(message);
                    }
                }
                return candidates(r, messages, needEmails);
            });
        }
        List<SearchCandidate> candidates = transactions.read(account, r -> {
            MessageService.requireMailbox(r, mailbox);
            return candidates(r, r.messages(mailbox, scope, 0), true);
        });
        return filter(account, query, candidates, queries);
    }

    /**
     * The memberships of a few index hits, read one email at a time: cheaper than reading the whole mailbox, which
     * is what a search for a rare word saves. A hit whose email left the mailbox since is dropped.
     */
    private List<SearchCandidate> hitsIn(
            AccountId account, MailboxId mailbox, UidSet scope, Set<EmailId> hits, boolean needEmails) {
        return transactions.read(account, r -> {
            MessageService.requireMailbox(r, mailbox);
            List<MessageRecord> messages = new ArrayList<>();
            for (EmailId hit : hits) {
                for (MessageRecord membership : r.memberships(hit)) {
                    if (membership.mailboxId().equals(mailbox) && scope.contains(membership.uid())) {
                        messages.add(membership);
                    }
                }
            }
            messages.sort(Comparator.comparingLong(MessageRecord::uid));
            return candidates(r, messages, needEmails);
        });
    }

    /** Candidates of these memberships; without {@code withEmails}, candidates without their email. */
    private static List<SearchCandidate> candidates(
            MetadataReader r, List<MessageRecord> messages, boolean withEmails) {
        if (!withEmails) {
            return messages.stream()
                    .map(m -> new SearchCandidate(null, m, null))
                    .collect(Collectors.toCollection(ArrayList::new));
        }
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
    }

    private IndexQueries queries(boolean mailboxSearch) {
        return new IndexQueries(
                context.index() != null && context.index().indexesMetadata(), mailboxSearch, context.zone());
    }

    @Override
    public List<EmailId> searchEmails(AccountId account, SearchQuery query, List<SortKey> sort) {
        if (query == null || sort == null) {
            throw new dev.mailcore.api.MailException(
                    dev.mailcore.api.ErrorReason.INVALID_ARGUMENT, "query and sort are required");
        }
        setup.ensure(account);
        boolean needMailboxes = QueryEvaluator.needsMailboxes(query);
        Optional<MailboxId> within = requiredMailbox(query);
        // "inMailbox X" alone, a mail client's list view: every email of the mailbox matches, nothing to evaluate.
        boolean mailboxOnly = query instanceof SearchQuery.InMailbox;
        List<SearchCandidate> candidates = transactions.read(account, r -> {
            // A query that holds only emails of one mailbox starts from that mailbox, not from the whole account;
            // its emails come in UID order, nearly always arrival order, which the sort below then finds in runs.
            List<EmailId> ids =
                    within.isPresent() ? mailboxEmails(r.messages(within.get(), UidSet.all(), 0)) : r.emailIds();
            Map<EmailId, EmailRecord> emails = r.emails(ids);
            List<SearchCandidate> out = new ArrayList<>(emails.size());
            for (EmailId id : ids) {
                EmailRecord email = emails.get(id);
                if (email == null) {
                    continue;
                }
                Set<MailboxId> mailboxes = null;
                if (needMailboxes && !mailboxOnly) {
                    mailboxes = new HashSet<>();
                    for (MessageRecord membership : r.memberships(email.id())) {
                        mailboxes.add(membership.mailboxId());
                    }
                }
                out.add(new SearchCandidate(email, null, mailboxes));
            }
            return out;
        });
        List<SearchCandidate> matching = mailboxOnly ? candidates : filter(account, query, candidates, queries(false));
        // The order emailsByArrival keeps, so searchEmailPage reads slices of this very list.
        Comparator<SearchCandidate> newestFirst =
                Comparator.comparing(SearchCandidate::email, ArrivalOrder.NEWEST_FIRST);
        matching.sort(
                sort.isEmpty()
                        ? newestFirst
                        : MessageOrder.of(
                                sort, Comparator.comparing(c -> c.email().id())));
        return matching.stream().map(c -> c.email().id()).toList();
    }

    /**
     * A page of a mailbox listed newest first, read in the store's arrival order: the page and the mailbox's count,
     * never the rest of the mailbox. The order is {@link #searchEmails}' for this query (receivedAt descending, then
     * id), so a page is the same slice of the same list.
     */
    @Override
    public Optional<EmailPage> searchEmailPage(
            AccountId account, SearchQuery query, List<SortKey> sort, int position, int limit) {
        if (query == null || sort == null) {
            throw new dev.mailcore.api.MailException(
                    dev.mailcore.api.ErrorReason.INVALID_ARGUMENT, "query and sort are required");
        }
        if (position < 0 || limit < 0) {
            throw new dev.mailcore.api.MailException(
                    dev.mailcore.api.ErrorReason.INVALID_ARGUMENT, "position and limit must not be negative");
        }
        if (!(query instanceof SearchQuery.InMailbox in) || !(sort.isEmpty() || sort.equals(NEWEST_FIRST))) {
            return Optional.empty();
        }
        setup.ensure(account);
        return Optional.of(transactions.read(account, r -> {
            int total = (int) Math.min(Integer.MAX_VALUE, r.counts(in.mailbox()).messages());
            int start = Math.min(position, total);
            return new EmailPage(r.emailsByArrival(in.mailbox(), start, limit), start, total);
        }));
    }

    /** The mailbox every match must be in: an {@code InMailbox} on its own or as a part of an {@code And}. */
    private static Optional<MailboxId> requiredMailbox(SearchQuery query) {
        return switch (query) {
            case SearchQuery.InMailbox in -> Optional.of(in.mailbox());
            case SearchQuery.And and ->
                and.queries().stream()
                        .map(SearchService::requiredMailbox)
                        .flatMap(Optional::stream)
                        .findFirst();
            default -> Optional.empty();
        };
    }

    /** The emails of a mailbox's memberships, in UID order; an email is in a mailbox once. */
    private static List<EmailId> mailboxEmails(List<MessageRecord> memberships) {
        List<EmailId> ids = new ArrayList<>(memberships.size());
        for (MessageRecord membership : memberships) {
            ids.add(membership.emailId());
        }
        return ids;
    }

    private List<SearchCandidate> filter(
            AccountId account, SearchQuery query, List<SearchCandidate> candidates, IndexQueries queries) {
        QueryEvaluator evaluator = new QueryEvaluator(
                context.zone(), queries::delegable, q -> contentSearch(account, queries.forIndex(q)));
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

    /**
     * The query without the top-level UID criteria that {@link #uidScope} applies, or {@code All} when nothing else
     * is left.
     */
    private static SearchQuery withoutUids(SearchQuery query) {
        UidSet scope = uidScope(query);
        if (query instanceof SearchQuery.Uids) {
            return SearchQuery.all();
        }
        if (query instanceof SearchQuery.And and) {
            List<SearchQuery> rest = new ArrayList<>();
            for (SearchQuery q : and.queries()) {
                if (!(q instanceof SearchQuery.Uids uids && uids.uids().equals(scope))) {
                    rest.add(q);
                }
            }
            return rest.size() == 1 ? rest.getFirst() : new SearchQuery.And(rest);
        }
        return query;
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
