/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.search.lucene.internal;

import dev.mailcore.api.AccountId;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.api.spi.SearchMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.apache.lucene.util.BytesRef;
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
    private final int size;
    private FixedBitSet universe;

    public QueryEvaluator(IndexSearcher searcher, LeafQueries leaves, AccountId account) {
        this.searcher = searcher;
        this.leaves = leaves;
        this.account = new TermQuery(new Term(Fields.ACCOUNT, account.value()));
        this.size = Math.max(1, searcher.getIndexReader().maxDoc());
    }

    /** The ids of the matching emails; {@code query} must be {@linkplain #accepts accepted}. */
    public Set<EmailId> search(SearchQuery query) throws IOException {
        return ids(evaluate(query));
    }

    private FixedBitSet evaluate(SearchQuery query) throws IOException {
        return switch (query) {
            case SearchQuery.All all -> universe().clone();
            case SearchQuery.And and -> and.queries().isEmpty() ? universe().clone() : all(and.queries());
            case SearchQuery.Or or -> {
                FixedBitSet result = new FixedBitSet(size);
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
                FixedBitSet result = universe().clone();
                result.andNot(evaluate(not.query()));
                yield result;
            }
            case SearchQuery.Content content -> {
                FixedBitSet result = new FixedBitSet(size);
                addLeaf(content, result);
                yield result;
            }
            default -> {
                if (!SearchMetadata.answers(query)) {
                    throw new IllegalArgumentException("not a criterion the index answers: " + query);
                }
                yield new MetadataFilter(searcher).matching(query, universe());
            }
        };
    }

    /** Whether every leaf of {@code query} is a content criterion or a metadata criterion the index answers. */
    public static boolean accepts(SearchQuery query) {
        return switch (query) {
            case SearchQuery.And and -> and.queries().stream().allMatch(QueryEvaluator::accepts);
            case SearchQuery.Or or -> or.queries().stream().allMatch(QueryEvaluator::accepts);
            case SearchQuery.Not not -> accepts(not.query());
            default -> query.isContentOnly() || SearchMetadata.answers(query);
        };
    }

    /** The intersection of the non-empty {@code parts}; stops early once it is empty. */
    private FixedBitSet all(List<SearchQuery> parts) throws IOException {
        FixedBitSet result = evaluate(parts.getFirst());
        for (int i = 1; i < parts.size() && result.nextSetBit(0) != DocIdSetIterator.NO_MORE_DOCS; i++) {
            result.and(evaluate(parts.get(i)));
        }
        return result;
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
                target.or(universe());
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
            collect(filtered, target);
        }
    }

    /**
     * The account's live documents, which bound NOT and "everything"; read only when a query needs them, since
     * every leaf is filtered by the account anyway.
     */
    private FixedBitSet universe() throws IOException {
        if (universe == null) {
            universe = new FixedBitSet(size);
            collect(account, universe);
        }
        return universe;
    }

    /**
     * Runs {@code query} and sets the bit of every live hit.
     * {@link Query#rewrite} is called directly rather than {@link IndexSearcher#rewrite}, which would count the
     * terms of a long phrase against the JVM-wide clause limit.
     */
    private void collect(Query query, FixedBitSet target) throws IOException {
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
                if (live == null || live.get(doc)) {
                    target.set(leaf.docBase + doc);
                }
            }
        }
    }

    /**
     * The email ids of the hits. A common word hits most of the mailbox, so this loop is most of such a search: the
     * set is sized once, and ids are decoded by the JDK's UTF-8 decoder, which copies ASCII (what ids are) in bulk.
     */
    private Set<EmailId> ids(FixedBitSet hits) throws IOException {
        Set<EmailId> ids = HashSet.newHashSet(hits.cardinality());
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
                BytesRef id = emails.binaryValue();
                ids.add(EmailId.of(new String(id.bytes, id.offset, id.length, StandardCharsets.UTF_8)));
            }
        }
        return Collections.unmodifiableSet(ids);
    }
}
