/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.search.lucene.internal;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.search.SearchQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * Answers one search on one point-in-time searcher. The boolean tree is evaluated here, as bit sets over the
 * searcher's documents, and only the leaves go to Lucene: so a query of thousands of OR terms never builds a
 * {@link BooleanQuery} and never meets Lucene's global clause limit, and NOT is the complement within the account.
 */
public final class QueryEvaluator {
    private static final int BATCH = 256;

    private final IndexSearcher searcher;
    private final LeafQueries leaves;
    private final TermQuery account;
    private final FixedBitSet universe;

    /** Reads the account's live documents, the universe every node is bounded by. */
    public QueryEvaluator(IndexSearcher searcher, LeafQueries leaves, AccountId account) throws IOException {
        this.searcher = searcher;
        this.leaves = leaves;
        this.account = new TermQuery(new Term(Fields.ACCOUNT, account.value()));
        this.universe = new FixedBitSet(Math.max(1, searcher.getIndexReader().maxDoc()));
        collect(this.account, universe, null);
    }

    /** The ids of the matching emails; {@code query} must be content-only. */
    public Set<EmailId> search(SearchQuery query) throws IOException {
        return ids(evaluate(query));
    }

    private FixedBitSet evaluate(SearchQuery query) throws IOException {
        return switch (query) {
            case SearchQuery.All all -> universe.clone();
            case SearchQuery.And and -> {
                FixedBitSet result = universe.clone();
                for (SearchQuery part : and.queries()) {
                    if (result.nextSetBit(0) == DocIdSetIterator.NO_MORE_DOCS) {
                        break;
                    }
                    result.and(evaluate(part));
                }
                yield result;
            }
            case SearchQuery.Or or -> {
                FixedBitSet result = new FixedBitSet(universe.length());
                List<Query> leafQueries = new ArrayList<>();
                for (SearchQuery part : or.queries()) {
                    if (part instanceof SearchQuery.Content content) {
                        leafQueries.add(leaves.of(content));
                    } else {
                        result.or(evaluate(part));
                    }
                }
                addAny(leafQueries, result);
                yield result;
            }
            case SearchQuery.Not not -> {
                FixedBitSet result = universe.clone();
                result.andNot(evaluate(not.query()));
                yield result;
            }
            case SearchQuery.Content content -> {
                FixedBitSet result = new FixedBitSet(universe.length());
                addLeaf(content, result);
                yield result;
            }
            default -> throw new IllegalArgumentException("not a content criterion, the engine answers it: " + query);
        };
    }

    /** Sets the bits of the account's documents that match {@code criterion}. */
    private void addLeaf(SearchQuery.Content criterion, FixedBitSet target) throws IOException {
        addAny(List.of(leaves.of(criterion)), target);
    }

    /**
     * Sets the bits of the account's documents that match any of {@code queries}. They run in batches of
     * {@value #BATCH} optional clauses, well below Lucene's clause limit, which saves a search per criterion.
     */
    private void addAny(List<Query> queries, FixedBitSet target) throws IOException {
        List<Query> pending = new ArrayList<>();
        for (Query query : queries) {
            if (query instanceof MatchAllDocsQuery) {
                target.or(universe);
                return;
            }
            if (!(query instanceof MatchNoDocsQuery)) {
                pending.add(query);
            }
        }
        for (int from = 0; from < pending.size(); from += BATCH) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (Query query : pending.subList(from, Math.min(from + BATCH, pending.size()))) {
                any.add(query, BooleanClause.Occur.SHOULD);
            }
            Query filtered = new BooleanQuery.Builder()
                    .add(account, BooleanClause.Occur.FILTER)
                    .add(any.build(), BooleanClause.Occur.FILTER)
                    .build();
            collect(filtered, target, universe);
        }
    }

    /**
     * Runs {@code query} and sets the bit of every live hit that is also in {@code within} (when given).
     * {@link Query#rewrite} is called directly rather than {@link IndexSearcher#rewrite}, which would count the
     * terms of a long phrase against the JVM-wide clause limit.
     */
    private void collect(Query query, FixedBitSet target, FixedBitSet within) throws IOException {
        Query rewritten = query;
        for (Query next = rewritten.rewrite(searcher); next != rewritten; next = rewritten.rewrite(searcher)) {
            rewritten = next;
        }
        Weight weight = searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            DocIdSetIterator docs = scorer.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                int global = leaf.docBase + doc;
                if ((live == null || live.get(doc)) && (within == null || within.get(global))) {
                    target.set(global);
                }
            }
        }
    }

    private Set<EmailId> ids(FixedBitSet hits) throws IOException {
        Set<EmailId> ids = new HashSet<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            int end = leaf.docBase + leaf.reader().maxDoc();
            int doc = leaf.docBase < hits.length() ? hits.nextSetBit(leaf.docBase) : DocIdSetIterator.NO_MORE_DOCS;
            BinaryDocValues emails = doc < end ? leaf.reader().getBinaryDocValues(Fields.EMAIL) : null;
            for (;
                    doc < end;
                    doc = doc + 1 < hits.length() ? hits.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
                if (emails == null || !emails.advanceExact(doc - leaf.docBase)) {
                    throw new IllegalStateException("indexed email without its id");
                }
                ids.add(EmailId.of(emails.binaryValue().utf8ToString()));
            }
        }
        return Collections.unmodifiableSet(ids);
    }
}
