/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.search.lucene.internal;

import dev.mailcore.api.EmailId;
import dev.mailcore.api.ThreadId;
import dev.mailcore.api.search.SearchQuery;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * Answers a metadata criterion by reading the doc values of the documents in a given set (the account's). A scan of
 * doc values, not an inverted index: it costs a few nanoseconds a document and needs no term to change when a flag
 * does.
 */
final class MetadataFilter {
    private final IndexSearcher searcher;

    MetadataFilter(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    /** The documents of {@code within} that match {@code criterion}. */
    FixedBitSet matching(SearchQuery criterion, FixedBitSet within) throws IOException {
        FixedBitSet result = new FixedBitSet(within.length());
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            int base = leaf.docBase;
            int end = Math.min(base + leaf.reader().maxDoc(), within.length());
            if (base >= end) {
                continue;
            }
            DocTest test = test(criterion, leaf);
            for (int doc = within.nextSetBit(base);
                    doc < end;
                    doc = doc + 1 < within.length() ? within.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
                if (test.matches(doc - base)) {
                    result.set(doc);
                }
            }
        }
        return result;
    }

    private interface DocTest {
        boolean matches(int doc) throws IOException;
    }

    private static DocTest test(SearchQuery criterion, LeafReaderContext leaf) throws IOException {
        var reader = leaf.reader();
        return switch (criterion) {
            case SearchQuery.HasKeyword kw ->
                contains(reader.getBinaryDocValues(MetadataFields.KEYWORDS), MetadataFields.member(kw.keyword()));
            case SearchQuery.InMailbox in ->
                contains(
                        reader.getBinaryDocValues(MetadataFields.MAILBOXES),
                        MetadataFields.member(in.mailbox().value()));
            case SearchQuery.Size size -> {
                NumericDocValues values = reader.getNumericDocValues(MetadataFields.SIZE);
                yield doc -> {
                    if (values == null || !values.advanceExact(doc) || values.longValue() < 0) {
                        return false;
                    }
                    long value = values.longValue();
                    return size.larger() ? value > size.size() : value < size.size();
                };
            }
            case SearchQuery.AtTime at -> {
                NumericDocValues values = reader.getNumericDocValues(
                        switch (at.field()) {
                            case RECEIVED -> MetadataFields.RECEIVED;
                            case SENT -> MetadataFields.SENT;
                            case SAVED -> throw new IllegalArgumentException("not indexed: " + at);
                        });
                long bound = MetadataFields.time(at.instant());
                yield doc -> {
                    if (values == null || !values.advanceExact(doc) || values.longValue() == MetadataFields.MISSING) {
                        return false;
                    }
                    return at.before() ? values.longValue() < bound : values.longValue() >= bound;
                };
            }
            case SearchQuery.EmailIds ids -> {
                Set<String> wanted = new HashSet<>();
                for (EmailId id : ids.ids()) {
                    wanted.add(id.value());
                }
                yield in(reader.getBinaryDocValues(Fields.EMAIL), wanted);
            }
            case SearchQuery.ThreadIds ids -> {
                Set<String> wanted = new HashSet<>();
                for (ThreadId id : ids.ids()) {
                    wanted.add(id.value());
                }
                yield in(reader.getBinaryDocValues(MetadataFields.THREAD), wanted);
            }
            default -> throw new IllegalArgumentException("not a metadata criterion the index answers: " + criterion);
        };
    }

    private static DocTest contains(BinaryDocValues values, byte[] member) {
        return doc -> values != null && values.advanceExact(doc) && indexOf(values.binaryValue(), member);
    }

    private static DocTest in(BinaryDocValues values, Set<String> wanted) {
        return doc -> values != null
                && values.advanceExact(doc)
                && wanted.contains(values.binaryValue().utf8ToString());
    }

    private static boolean indexOf(BytesRef haystack, byte[] needle) {
        byte[] bytes = haystack.bytes;
        int last = haystack.offset + haystack.length - needle.length;
        outer:
        for (int i = haystack.offset; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
