/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.search.lucene.internal;

import dev.mailcore.api.search.SearchQuery;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds the Lucene query of one content criterion, programmatically: search text only ever becomes term bytes, so
 * Lucene query syntax in it ({@code * " : \ (}) means nothing. {@link MatchAllDocsQuery} stands for "every email of
 * the account".
 *
 * <p>A substring of {@value GramTokenStream#N} or more code points is a phrase of its grams at their offsets; only
 * every {@value GramTokenStream#N}th gram (and the last) is needed, since together they cover every code point at a
 * fixed offset. A shorter substring is a prefix of some gram.
 */
public final class LeafQueries {
    private final boolean exactBody;
    private final BodyAnalyzer analyzer;

    public LeafQueries(boolean exactBody, BodyAnalyzer analyzer) {
        this.exactBody = exactBody;
        this.analyzer = analyzer;
    }

    public Query of(SearchQuery.Content criterion) {
        return switch (criterion) {
            case SearchQuery.HeaderContains header -> header(header);
            case SearchQuery.AddressContains address -> substring(Fields.address(address.field()), address.text());
            case SearchQuery.SubjectContains subject -> substring(Fields.SUBJECT, subject.text());
            case SearchQuery.BodyContains body -> body(TextFolding.fold(body.text()));
            case SearchQuery.TextContains text -> text(TextFolding.fold(text.text()));
            case SearchQuery.AttachmentNameContains attachment -> substring(Fields.ATTACHMENT, attachment.text());
        };
    }

    private static Query header(SearchQuery.HeaderContains header) {
        String key = Fields.headerKey(header.name());
        String text = TextFolding.fold(header.text());
        if (text.isEmpty()) {
            return new TermQuery(new Term(Fields.HEADER_NAME, key));
        }
        return grams(Fields.HEADER, key + Fields.HEADER_SEPARATOR, text);
    }

    private static Query substring(String field, String text) {
        String folded = TextFolding.fold(text);
        return folded.isEmpty() ? MatchAllDocsQuery.INSTANCE : grams(field, "", folded);
    }

    private Query text(String folded) {
        if (folded.isEmpty()) {
            return MatchAllDocsQuery.INSTANCE;
        }
        return new BooleanQuery.Builder()
                .add(grams(Fields.TEXT, "", folded), BooleanClause.Occur.SHOULD)
                .add(body(folded), BooleanClause.Occur.SHOULD)
                .build();
    }

    private Query body(String folded) {
        if (folded.isEmpty()) {
            return MatchAllDocsQuery.INSTANCE;
        }
        if (exactBody) {
            return grams(Fields.BODY_GRAMS, "", folded);
        }
        List<String> words = analyzer.words(folded);
        if (words.isEmpty()) {
            return new MatchNoDocsQuery("no word in the search text");
        }
        if (words.size() == 1) {
            return new PrefixQuery(new Term(Fields.BODY_WORDS, words.getFirst()));
        }
        return new PhraseQuery(Fields.BODY_WORDS, words.toArray(String[]::new));
    }

    /** The documents where {@code folded} occurs in one value of the gram field. */
    static Query grams(String field, String prefix, String folded) {
        int[] starts = GramTokenStream.codePointStarts(folded);
        int length = starts.length - 1;
        if (length < GramTokenStream.N) {
            return new PrefixQuery(new Term(field, prefix + folded));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        int last = length - GramTokenStream.N;
        for (int offset = 0; ; offset += GramTokenStream.N) {
            int position = Math.min(offset, last);
            String gram = folded.substring(starts[position], starts[position + GramTokenStream.N]);
            phrase.add(new Term(field, prefix + gram), position);
            if (position == last) {
                return phrase.build();
            }
        }
    }
}
