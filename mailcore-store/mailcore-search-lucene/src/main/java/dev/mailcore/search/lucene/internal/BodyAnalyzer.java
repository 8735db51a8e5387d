/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.search.lucene.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Splits folded body text into words (Unicode word boundaries, UAX #29) and lower-cases them. No accent folding and no
 * stemming: the text is already {@linkplain TextFolding folded}, and accents stay significant as in every other field.
 */
public final class BodyAnalyzer extends Analyzer {
    /** The words of {@code foldedText}, in order. */
    public List<String> words(String foldedText) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = tokenStream(Fields.BODY_WORDS, foldedText)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen when reading a string", e);
        }
        return words;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
    }
}
